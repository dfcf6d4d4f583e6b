import Foundation
import SalesDeskStore
#if canImport(Glibc)
import Glibc
#endif

/// Rule files: read with checks (a regular file, at most 64 KB, UTF-8), written only as new files.
enum RuleFile {
    static let maximumBytes = 64 * 1024

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of a rule file.
    static func read(_ path: String) throws -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else { throw Problem(description: "\(path): no such file") }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw Problem(description: "\(path): not a regular file") }
        guard let size = attributes[.size] as? Int, size <= maximumBytes else {
            throw Problem(description: "\(path): larger than \(maximumBytes / 1024) KB; a rule is a few lines")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem(description: "\(path): cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw Problem(description: "\(path): not UTF-8 text") }
        return text
    }

    /// Writes each rule to `NAME.rule` in `directory`, refusing to replace anything already there.
    static func export(_ rules: [StoredRule], into directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Problem(description: "\(directory): no such folder")
        }
        return try rules.map { rule in
            let path = (directory as NSString).appendingPathComponent(fileName(for: rule.name))
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else {
                throw Problem(description: "\(path): \(errno == EEXIST ? "already exists; nothing there was replaced (export into an empty folder)" : String(cString: strerror(errno)))")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: Data((rule.text + "\n").utf8))
            return path
        }
    }

    /// `Celebrate a win` → `celebrate-a-win.rule`.
    static func fileName(for name: String) -> String {
        let words = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let joined = String(words).split(separator: "-").joined(separator: "-")
        return (joined.isEmpty ? "rule" : String(joined.prefix(80))) + ".rule"
    }

    /// Opens the text in `$VISUAL` / `$EDITOR` (else `vi`) and returns what the file holds afterwards.
    static func editInEditor(_ text: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-rule-\(UUID().uuidString).rule").path
        guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Problem(description: "cannot write a temporary file for the editor")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The path goes in as "$1", never pasted into the command line.
        let words: [String] = ["/bin/sh", "-c", "\(editor) \"$1\"", "salesdesk-rule-editor", path]
        let arguments = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var child: pid_t = 0
        guard posix_spawn(&child, "/bin/sh", nil, nil, arguments, environ) == 0 else { throw Problem(description: "cannot start the editor '\(editor)'") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw Problem(description: "the editor '\(editor)' failed; nothing was saved") }
        return try read(path)
    }
}
