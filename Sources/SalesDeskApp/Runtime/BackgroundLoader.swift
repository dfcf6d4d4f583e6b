import Foundation

/// Reads what screens show off the key path: the desk answers every key with a frame at once, and a read's
/// result is applied when it arrives (the run loop polls for it).
///
/// Reads run one at a time, in the order asked. A read that re-reads a whole screen (``LoadRequest/refresh``,
/// ``LoadRequest/reset``, ``LoadRequest/stages(_:)``) makes every earlier read of that screen obsolete: typing a
/// filter asks for one read per key, and only the newest one's rows are shown. An obsolete read still waiting
/// is never run, and an obsolete result is dropped.
final class BackgroundLoader: @unchecked Sendable {
    /// One read: which screen, what it asked for, and the screen's read generation when it was asked.
    struct Ticket: Sendable {
        var screen: ScreenID
        var request: LoadRequest
        /// What the desk knew of the database when the read started.
        var stamp: DataStamp
        fileprivate var generation: Int
    }

    /// A finished read.
    struct Finished: Sendable {
        var ticket: Ticket
        var result: Result<any Sendable, any Error>
        /// The inbox's unread count, read with every load.
        var unreadCount: Int?
    }

    private let lock = NSLock()
    private let queue = DispatchQueue(label: "salesdesk.desk.reads", qos: .userInitiated)
    private let group = DispatchGroup()
    private var generations: [ScreenID: Int] = [:]
    private var finished: [Finished] = []
    private var running = 0

    /// Whether a read is waiting or running.
    var isBusy: Bool { lock.withLock { running > 0 } }

    /// Whether a read is waiting, running, or finished and not yet taken.
    var hasWork: Bool { lock.withLock { running > 0 || !finished.isEmpty } }

    /// Starts `read` for `request` of `screen`; its result waits in ``takeFinished()``.
    func start(_ screen: ScreenID, _ request: LoadRequest, stamp: DataStamp,
               read: @escaping @Sendable () throws -> (any Sendable, unreadCount: Int?)) {
        let ticket = lock.withLock {
            if Self.rereadsWholeScreen(request) { generations[screen, default: 0] += 1 }
            running += 1
            return Ticket(screen: screen, request: request, stamp: stamp, generation: generations[screen, default: 0])
        }
        group.enter()
        queue.async { [self] in
            defer { group.leave() }
            var done = Finished(ticket: ticket, result: .success(()), unreadCount: nil)
            if isCurrent(ticket) {
                do {
                    let (loaded, unread) = try read()
                    done.result = .success(loaded)
                    done.unreadCount = unread
                } catch {
                    done.result = .failure(error)
                }
            }
            lock.withLock {
                running -= 1
                finished.append(done)
            }
        }
    }

    /// The reads finished since the last call whose results are still current, in the order they were asked.
    func takeFinished() -> [Finished] {
        lock.withLock {
            let current = finished.filter { $0.ticket.generation == generations[$0.ticket.screen, default: 0] }
            finished.removeAll()
            return current
        }
    }

    /// Waits until no read is waiting or running.
    func waitUntilIdle() { group.wait() }

    /// Waits until no read is waiting or running, or `milliseconds` have passed; returns whether none is.
    @discardableResult
    func waitUntilIdle(milliseconds: Int) -> Bool {
        group.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }

    private func isCurrent(_ ticket: Ticket) -> Bool {
        lock.withLock { ticket.generation == generations[ticket.screen, default: 0] }
    }

    /// What to read for `asked` while a `reset` of the same screen may be in flight: a `refresh` or `stages`
    /// read then would be planned against the rows on show (the old queue, sort or scope) and make the reset
    /// obsolete, so it is read as a reset.
    static func request(_ asked: LoadRequest, resetInFlight: Bool) -> LoadRequest {
        resetInFlight && rereadsWholeScreen(asked) ? .reset : asked
    }

    /// Whether `request` re-reads all a screen shows (so any earlier read of the screen is obsolete).
    static func rereadsWholeScreen(_ request: LoadRequest) -> Bool {
        switch request {
        case .refresh, .reset, .stages: true
        case .page: false
        }
    }
}
