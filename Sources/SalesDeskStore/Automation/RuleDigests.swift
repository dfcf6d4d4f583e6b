import Foundation
import GRDB
import SalesDeskDomain

/// Notifications of rule firings that caught up on time missed while nothing ran, gathered per user into one
/// "while you were away" digest per pass instead of one notification each (like the scheduler's own catch-up).
final class RuleDigests {
    private var digests: [Int64: AwayDigest] = [:]

    /// Counts a rule's notification for `userID` into their digest.
    func add(to userID: Int64, title: String, record: RecordReference?) {
        digests[userID, default: AwayDigest()].add(.automation, title: title, record: record)
    }

    /// Sends each user's digest in the caller's transaction, then starts over.
    func send(_ db: Database, at: Date) throws {
        for (user, digest) in digests.sorted(by: { $0.key < $1.key }) {
            try Notifications.sendDigest(db, to: user, digest, at: at)
        }
        digests = [:]
    }
}
