import ArgumentParser
import Foundation

/// The end of a command's output: flushed and checked, so a full disk or `> /dev/full` is reported.
enum StandardOutput {
    /// Flushes standard output; throws when what is left of it could not be written.
    static func finish() throws {
        // fflush(NULL) flushes every stream, standard output included, and fails if any write fails
        // (naming `stdout` itself is not allowed in Swift 6's strict concurrency).
        if fflush(nil) != 0 {
            let reason = String(cString: strerror(errno))
            FileHandle.standardError.write(Data("salesdesk: the output could not be written (\(reason)); it is incomplete.\n".utf8))
            throw ExitCode(74) // EX_IOERR
        }
    }
}
