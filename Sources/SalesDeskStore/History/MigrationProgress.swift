import Foundation

/// Where long migrations (the history backfill of a large file) report how far they are.
///
/// Migrations run inside ``AppDatabase/open(path:configuration:allowReadOnly:now:)``, so a caller that wants a
/// progress line sets a handler before opening and clears it after:
///
/// ```swift
/// MigrationProgress.handler = { step, fraction in print("\(step) \(Int(fraction * 100)) %") }
/// defer { MigrationProgress.handler = nil }
/// let database = try AppDatabase.open(path: path)
/// ```
public enum MigrationProgress {
    /// Called with the step's name and its fraction done (0...1); nil reports nothing.
    public static var handler: (@Sendable (String, Double) -> Void)? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }

    static func report(_ step: String, _ fraction: Double) {
        handler?(step, min(1, max(0, fraction)))
    }

    private static let storage = LockedValue<(@Sendable (String, Double) -> Void)?>(nil)
}

/// A value behind a lock, safe to share between threads.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
