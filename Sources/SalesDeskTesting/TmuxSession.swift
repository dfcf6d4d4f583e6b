import Foundation

/// A tmux session on a private server socket, for driving the real binary like a person would.
public final class TmuxSession {
    public let socket: String
    public let name = "desk"

    /// Whether tmux is installed.
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// Starts `command` (a shell command line) in a detached session of the given size.
    public init(command: String, width: Int = 120, height: Int = 40) throws {
        socket = "salesdesk-test-\(UUID().uuidString.prefix(8))"
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Types keys (tmux key names such as `Enter`, `C-c`, `Escape`, or literal text with `literal: true`).
    public func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text (`escapes`: with the SGR sequences tmux would send, as `capture-pane -e`).
    public func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// Resizes the window, as a user dragging the terminal would (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// A tmux format value of the pane (`#{pane_title}`, `#{alternate_on}`).
    public func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen contains `text` (up to `seconds`); returns the last capture either way.
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        repeat {
            screen = try capture()
            if screen.contains(text) { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        return screen
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try ChildProcess.run(Self.executable, ["-L", socket] + arguments).stdout
    }

    private static let executable = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"
}
