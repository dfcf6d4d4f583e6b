import GRDB

extension StoreError {
    /// Turns SQLite's storage failures into errors a user can act on; anything else passes unchanged.
    ///
    /// A full disk (`SQLITE_FULL`) and a failed write (`SQLITE_IOERR`, e.g. a file size limit) roll the
    /// transaction back, so the message can promise that nothing was half-saved.
    public static func explaining(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_FULL: return StoreError.storageFull(detail: error.message ?? "database or disk is full")
        case .SQLITE_IOERR: return StoreError.storageFailed(detail: error.message ?? "disk I/O error")
        default: return error
        }
    }

    /// Whether `error` is SQLite finding the file damaged (`SQLITE_CORRUPT`, or a damaged file that no longer
    /// reads as a database): writing must stop.
    public static func isDamage(_ error: any Error) -> Bool {
        if case .damaged = error as? StoreError { return true }
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CORRUPT
    }
}
