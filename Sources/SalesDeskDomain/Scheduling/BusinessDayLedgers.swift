import Foundation

/// The ledgers of the schedules in use, one per distinct schedule.
///
/// Bounded: when ``capacity`` schedules are held and another is asked for, all are dropped and
/// rebuilt on demand (a desk uses a handful of schedules: one per team and time zone).
final class BusinessDayLedgers: @unchecked Sendable {
    /// The cache every schedule's arithmetic uses.
    static let shared = BusinessDayLedgers()
    /// The most schedules held at once.
    static let capacity = 64

    private let lock = NSLock()
    private var ledgers: [BusinessHours: BusinessDayLedger] = [:]

    /// The ledger of `hours`, made on first use.
    func ledger(for hours: BusinessHours) -> BusinessDayLedger {
        lock.withLock {
            if let ledger = ledgers[hours] { return ledger }
            if ledgers.count >= Self.capacity { ledgers.removeAll() }
            let ledger = BusinessDayLedger(hours: hours)
            ledgers[hours] = ledger
            return ledger
        }
    }
}
