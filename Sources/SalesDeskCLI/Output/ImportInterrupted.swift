import Foundation
import SalesDeskStore

/// An import that stopped after committing some batches (a full disk, a write error): what is kept, and why it stopped.
struct ImportInterrupted: Error, CustomStringConvertible, LocalizedError {
    /// The committed batches' counts.
    let committed: ImportSummary
    /// Why the next batch failed (rolled back whole).
    let reason: any Error

    init(committed: ImportSummary, reason: any Error) {
        self.committed = committed
        self.reason = reason
    }

    var description: String {
        "The import stopped: \(reason). The batches committed before it are kept (\(committed.imported) imported, "
            + "\(committed.merged) merged, \(committed.skipped) skipped, \(committed.rejected) rejected of \(committed.read) rows read). "
            + "Re-run the same file with --on-duplicate skip to resume."
    }

    var errorDescription: String? { description }
}
