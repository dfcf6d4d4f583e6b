import Foundation

/// A settable "now" for tests: pass `instant.now` where code wants a `@Sendable () -> Date`.
public final class SettableNow: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    /// Reads the current instant.
    public var date: Date { lock.withLock { current } }

    /// The closure to inject.
    public var now: @Sendable () -> Date { { [self] in date } }

    /// Moves time forward (or back, with a negative interval).
    public func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    /// Jumps to an instant.
    public func set(_ date: Date) { lock.withLock { current = date } }
}

/// Builds UTC instants from readable parts: `utc(2026, 11, 23, 9, 30)`.
public func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
}
