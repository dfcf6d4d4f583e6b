import Foundation
import GRDB
import SalesDeskStore

/// The database this process opened, so a failure anywhere can be explained in its terms.
enum OpenedDatabase {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var openedPath: String?

    /// Remembers the path ``DeskOptions/openDatabase(allowReadOnly:access:creating:)`` opened.
    static func remember(_ path: String) { lock.withLock { openedPath = path } }

    /// Storage failures as ``StoreError``s that say what happened: damage (`SQLITE_CORRUPT`) marks the
    /// opened database damaged and says how to restore it; a full disk says nothing was saved.
    static func explaining(_ error: any Error) -> any Error {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_CORRUPT, let path = lock.withLock({ openedPath }) {
            let detail = error.message ?? "database disk image is malformed"
            DamageMarker.mark(path, detail: detail)
            return StoreError.damaged(path: path, detail: detail)
        }
        return StoreError.explaining(error)
    }
}
