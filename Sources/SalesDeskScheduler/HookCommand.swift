import Foundation
import SalesDeskStore
#if canImport(Glibc)
import Glibc
#endif

/// Runs a hook command for one notification: `/bin/sh -c COMMAND`, with the notification as JSON on
/// standard input and as `SALESDESK_NOTIFICATION_*` environment variables. Started with `posix_spawn`
/// (Foundation's `Process` can miss a child's exit on Linux) in a process group of its own, which is
/// killed as a whole — the shell and everything it started — when it overruns its timeout.
struct HookCommand {
    var command: String
    var timeout: TimeInterval
    /// Where the running group is registered so that a stopping scheduler can kill it.
    var processes = HookProcesses()

    /// Runs the command; returns nil on success (exit 0) or what went wrong.
    func run(_ delivery: HookDelivery) -> String? {
        let payload = delivery.notification
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-hook-\(UUID().uuidString)").path
        defer { [stem + ".in", stem + ".err"].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let json = try? encoder.encode(payload), FileManager.default.createFile(atPath: stem + ".in", contents: json + Data("\n".utf8)) else {
            return "cannot write the hook's input file"
        }
        var environment = ProcessInfo.processInfo.environment
        environment["SALESDESK_NOTIFICATION_ID"] = String(payload.id)
        environment["SALESDESK_NOTIFICATION_USER"] = payload.user
        environment["SALESDESK_NOTIFICATION_KIND"] = payload.kind
        environment["SALESDESK_NOTIFICATION_TITLE"] = payload.title
        environment["SALESDESK_NOTIFICATION_BODY"] = payload.body
        environment["SALESDESK_NOTIFICATION_RECORD"] = payload.recordKind.map { "\($0):\(payload.recordID ?? 0)" } ?? ""
        guard let pid = spawn(stdin: stem + ".in", stderr: stem + ".err", environment: environment) else { return "cannot start /bin/sh" }
        guard processes.register(pid) else { return "stopped with the scheduler" }
        defer { processes.unregister(pid) }
        let status = wait(for: pid)
        guard let status else { return "timed out after \(Int(timeout)) s and was killed" }
        if status == 0 { return nil }
        let output = (try? String(contentsOfFile: stem + ".err", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return "exit status \(status)" + (output.isEmpty ? "" : ": " + String(output.suffix(300)))
    }

    func spawn(stdin: String, stderr: String, environment: [String: String]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let words: [String] = ["/bin/sh", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0) // a new group led by the shell: its children die with it
        var pid: pid_t = 0
        return posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) == 0 ? pid : nil
    }

    /// The exit status, or nil when the command overran its timeout (it is then killed).
    func wait(for pid: pid_t) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
            if result == -1 && errno != EINTR { return -1 }
            if Date() >= deadline {
                kill(-pid, SIGKILL) // the whole group: the shell and whatever it started
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                return nil
            }
            usleep(10_000)
        }
    }
}
