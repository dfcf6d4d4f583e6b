import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Edits text in the user's editor (`$VISUAL`, then `$EDITOR`, then `vi`), for notes longer than a line.
///
/// The text goes to a private temporary file (0600), the editor runs on the real terminal, and what the
/// file holds afterwards comes back; the file is removed either way.
public struct ExternalEditor: Sendable {
    var environment: [String: String]

    /// An editor chosen from `environment` (the process's own by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The editor command line, as the shell would run it.
    var command: String {
        [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
    }

    /// Runs the editor on `text` in a file named with `suffix` (so the editor can tell a rule from a note); returns the
    /// edited text, or throws when the editor failed (the text is then unchanged).
    ///
    /// The file is created new by `mkstemps` (`O_CREAT | O_EXCL`, mode 0600, an unguessable name), so it can never be a
    /// file, link or FIFO someone else put there; it is removed afterwards.
    func edit(_ text: String, suffix: String = ".txt") throws -> String {
        let path = try Self.createPrivateFile(containing: text, suffix: suffix)
        defer { unlink(path) }
        // The path is passed as "$1", never pasted into the command line, so no file name can inject shell syntax.
        let arguments = ["/bin/sh", "-c", "\(command) \"$1\"", "salesdesk-editor", path]
        var child: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&child, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else { throw EditorError(message: "cannot start the editor '\(command)'") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw EditorError(message: "the editor '\(command)' failed; the text is unchanged") }
        let edited = (try? String(contentsOfFile: path, encoding: .utf8)) ?? text
        return edited.hasSuffix("\n") ? String(edited.dropLast()) : edited
    }

    /// Creates a new private file in the temporary directory holding `text`; its path.
    static func createPrivateFile(containing text: String, suffix: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.path
        var template = Array("\(directory)/salesdesk-XXXXXXXX\(suffix)".utf8CString)
        let descriptor = mkstemps(&template, Int32(suffix.utf8.count))
        guard descriptor >= 0 else { throw EditorError(message: "cannot create a temporary file for the editor in \(directory)") }
        defer { close(descriptor) }
        let path = String(cString: template)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                unlink(path)
                throw EditorError(message: "cannot write the temporary file for the editor")
            }
            written += count
        }
        return path
    }

    /// Why the editor could not be used.
    struct EditorError: Error, LocalizedError {
        var message: String
        var errorDescription: String? { message }
    }
}
