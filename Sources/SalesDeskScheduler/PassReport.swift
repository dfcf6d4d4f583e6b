import Foundation
import SalesDeskStore

/// What one scheduler pass did.
public struct PassReport: Equatable, Sendable {
    /// When the pass ran.
    public var at: Date
    /// Jobs and stalls fired, digested or dropped.
    public var firing: FiringReport
    /// Hook runs that succeeded.
    public var hooksDelivered: Int
    /// Hook runs that failed (retried later or given up).
    public var hooksFailed: Int
    /// When the next piece of work is due, if any.
    public var nextDueAt: Date?
    /// What the automation rules did in this pass.
    public var automation = AutomationReport()
}
