import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started with `posix_spawn` and collected with `waitpid`.
///
/// Tests use this instead of Foundation's `Process`, whose `waitUntilExit()` can wait forever on Linux
/// when several children are started from concurrent tests (the exit is reaped but never reported).
/// Output goes to temporary files rather than pipes, so a child that forks a daemon holding the pipe
/// open (tmux does) cannot block the reader, and a chatty child cannot fill a pipe and stall.
public final class ChildProcess: @unchecked Sendable {
    /// What a finished child printed and how it exited.
    public struct Result: Sendable {
        /// The exit status (or 128 + signal number when it was killed).
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The child's process id.
    public let pid: pid_t
    private let stdoutPath: String
    private let stderrPath: String

    /// Starts `executable` with `arguments`; standard input is `/dev/null`.
    public init(executable: String, arguments: [String], environment: [String: String]) throws {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-child-\(UUID().uuidString)").path
        stdoutPath = stem + ".out"
        stderrPath = stem + ".err"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // A child starts with no blocked signals and default handlers, whatever the test thread had
        // (Dispatch's worker threads block some, and a desk that never sees SIGWINCH never resizes).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var child: pid_t = 0
        let error = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard error == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable): \(String(cString: strerror(error)))"])
        }
        pid = child
    }

    /// Runs `executable` to the end and returns what it printed.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Result {
        try ChildProcess(executable: executable, arguments: arguments, environment: environment).finish()
    }

    /// Sends `signal` (SIGKILL unless told otherwise): the fault tests' "kill -9 in the middle of a write".
    public func kill(_ signal: Int32 = SIGKILL) {
        _ = Glibc.kill(pid, signal)
    }

    /// Waits for the child to exit and returns its output; the temporary output files are removed.
    public func finish() -> Result {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        defer {
            try? FileManager.default.removeItem(atPath: stdoutPath)
            try? FileManager.default.removeItem(atPath: stderrPath)
        }
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, stdout: Self.read(stdoutPath), stderr: Self.read(stderrPath))
    }

    private static func read(_ path: String) -> String {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
