/// A terminal in memory for tests: queue events in, read the last presented grid out.
public final class InMemoryTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public let colorCapability: ColorCapability
    public private(set) var presented: [Grid] = []
    public private(set) var bells = 0
    private var events: [TerminalEvent] = []

    public init(width: Int = 120, height: Int = 40, colorCapability: ColorCapability = .indexed256) {
        size = (width, height)
        self.colorCapability = colorCapability
    }

    /// Queues events for ``nextEvent(timeoutMilliseconds:)`` to return, in order.
    public func send(_ newEvents: [TerminalEvent]) { events += newEvents }

    /// Queues key presses for each character of `text`.
    public func type(_ text: String) { events += text.map { .key(.character($0)) } }

    /// Changes the size and queues the resize event, as SIGWINCH would.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        events.append(.resize(width: width, height: height))
    }

    public var lastGrid: Grid? { presented.last }

    /// Asked for more events when the queue is empty (a test that types once something is on screen).
    public var whenIdle: (() -> [TerminalEvent])?

    public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
        if events.isEmpty, let whenIdle { events += whenIdle() }
        return events.isEmpty ? nil : events.removeFirst()
    }

    public func present(_ grid: Grid) { presented.append(grid) }
    public func bell() { bells += 1 }
    public func suspend() {}
    public func resume() {}
}
