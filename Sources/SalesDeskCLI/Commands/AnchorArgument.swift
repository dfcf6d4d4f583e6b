import ArgumentParser
import Foundation
import SalesDeskStore
import TerminalUI

/// Reading and writing audit anchors for `salesdesk audit anchor` and `audit verify --anchor`.
enum AnchorArgument {
    /// The anchors `argument` names: a 64-hex hash (its entry found in the log), or a file of anchor lines.
    static func anchors(_ argument: String, in database: AppDatabase) throws -> [AuditAnchor] {
        if let hash = AuditAnchor.hexData(argument.lowercased()) {
            guard let anchor = try database.auditAnchor(forHash: hash) else {
                throw failure(AuditAnchorMiss.hashNotFound(hash: argument.lowercased()).description)
            }
            return [anchor]
        }
        guard FileManager.default.fileExists(atPath: argument) else {
            throw ValidationError(TextSanitizer.sanitize("--anchor \(argument): neither a 64-digit hash nor an existing anchor file."))
        }
        guard let text = try? String(contentsOfFile: argument, encoding: .utf8) else {
            throw ValidationError(TextSanitizer.sanitize("--anchor \(argument): the file cannot be read as text."))
        }
        let anchors = text.split(whereSeparator: \.isNewline).compactMap { AuditAnchor.parse(line: String($0)) }
        guard !anchors.isEmpty else {
            throw ValidationError(TextSanitizer.sanitize("--anchor \(argument): the file has no anchor lines (salesdesk-audit-anchor entry=… hash=… at=…)."))
        }
        return anchors
    }

    /// Appends `line` to `path`: creates it 0600, or appends to an existing regular file; never follows a
    /// link or writes to a device or FIFO.
    static func append(_ line: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else {
            throw ValidationError(TextSanitizer.sanitize("Cannot append the anchor to \(path): \(String(cString: strerror(errno))). Nothing was written there."))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw ValidationError(TextSanitizer.sanitize("\(path) is not a regular file; the anchor was not written there."))
        }
        let bytes = Array((line + "\n").utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
            throw ValidationError(TextSanitizer.sanitize("Writing the anchor to \(path) failed: \(String(cString: strerror(errno)))."))
        }
    }

    /// Sends `line` to syslog through `logger`.
    static func sendToSyslog(_ line: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/logger")
        process.arguments = ["-t", "salesdesk-audit", line]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            throw ValidationError("Cannot run /usr/bin/logger to send the anchor to syslog: \(error.localizedDescription).")
        }
        guard process.terminationStatus == 0 else { throw ValidationError("logger exited with status \(process.terminationStatus); the anchor did not reach syslog.") }
    }

    private static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(1)
    }
}
