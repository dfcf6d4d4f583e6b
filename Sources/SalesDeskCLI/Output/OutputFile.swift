import Foundation

/// Where a verb writes its output: stdout, or a path, without ever replacing what the desk did not create.
///
/// - nil or `-`: stdout, as a stream.
/// - a FIFO or a character device (`/dev/stdout`, `/dev/null`): written *into*, as a stream; never replaced.
/// - an absent path or a regular file: written to a new temporary file beside it, renamed over the target
///   only by ``commit()``, so a failed write (a full disk) leaves the old file whole and no partial file.
/// - a symbolic link, a directory or anything else: refused before anything is written.
///
/// Every write throws on failure (a full disk is an error message and a non-zero exit, never a crash).
final class OutputFile {
    /// What the output is written to.
    enum Target: Equatable {
        case standardOutput
        case stream(path: String)
        case replace(path: String, temporary: String)
    }

    let target: Target
    private let handle: FileHandle

    /// Whether the output goes to a terminal (text then passes the sanitiser; a file keeps the data exact).
    var isTerminal: Bool { isatty(handle.fileDescriptor) == 1 }

    init(path: String?) throws {
        guard let path, path != "-" else {
            target = .standardOutput
            handle = .standardOutput
            return
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFIFO, S_IFCHR:
                let descriptor = open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw OutputFileError.cannotOpen(path: path, reason: Self.systemReason()) }
                target = .stream(path: path)
                handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                return
            case S_IFLNK: throw OutputFileError.refused(path: path, reason: "is a symbolic link; the desk writes only to files it creates or regular files")
            case S_IFDIR: throw OutputFileError.refused(path: path, reason: "is a folder")
            default: throw OutputFileError.refused(path: path, reason: "is not a regular file, a pipe or a device")
            }
        } else if errno != ENOENT {
            throw OutputFileError.cannotOpen(path: path, reason: Self.systemReason())
        }
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + (path as NSString).lastPathComponent + ".salesdesk-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw OutputFileError.cannotOpen(path: path, reason: Self.systemReason()) }
        let temporary = String(cString: template)
        // A replaced file keeps its permissions; a new one is private to the user (0600, mkstemp's).
        if S_ISREG_mode(info.st_mode) { fchmod(descriptor, info.st_mode & 0o777) }
        target = .replace(path: path, temporary: temporary)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Writes text; throws (naming the path and the system's reason) when the bytes cannot be written.
    func write(_ text: String) throws {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            discard()
            throw OutputFileError.cannotWrite(path: displayPath, reason: Self.reason(of: error), untouched: isReplacing)
        }
    }

    private var isReplacing: Bool {
        if case .replace = target { return true }
        return false
    }

    /// Finishes the output: flushes it to disk and, for a regular file, puts it in place of the target.
    func commit() throws {
        guard case .replace(let path, let temporary) = target else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw OutputFileError.cannotWrite(path: path, reason: Self.reason(of: error), untouched: true)
        }
        var info = stat()
        if lstat(path, &info) == 0, !S_ISREG_mode(info.st_mode) {
            discard()
            throw OutputFileError.refused(path: path, reason: "was replaced by something other than a regular file while writing")
        }
        guard rename(temporary, path) == 0 else {
            let reason = Self.systemReason()
            discard()
            throw OutputFileError.cannotWrite(path: path, reason: reason, untouched: true)
        }
    }

    /// Drops an unfinished output: the temporary file goes; a target that existed is left as it was.
    func discard() {
        if case .replace(_, let temporary) = target { unlink(temporary) }
    }

    private var displayPath: String {
        switch target {
        case .standardOutput: "standard output"
        case .stream(let path), .replace(let path, _): path
        }
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }

    private static func reason(of error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying.flatMap({ $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }) { return String(cString: strerror(code)) }
        if (error as NSError).domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32((error as NSError).code))) }
        return error.localizedDescription
    }
}

/// Why an output could not be written.
enum OutputFileError: Error, CustomStringConvertible {
    case refused(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    /// `untouched`: the target was a regular file or absent, and is left as it was (no partial file).
    case cannotWrite(path: String, reason: String, untouched: Bool)

    var description: String {
        switch self {
        case .refused(let path, let reason): "\(path) \(reason); nothing was written."
        case .cannotOpen(let path, let reason): "cannot write \(path): \(reason); nothing was written."
        case .cannotWrite(let path, let reason, let untouched):
            "cannot write \(path): \(reason)" + (untouched ? "; \(path) was left as it was, with no partial output." : "; the output stopped there.")
        }
    }
}

private func S_ISREG_mode(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG }
