import Foundation

/// Runs the real `salesdesk` executable that `swift build` / `swift test` produced, for end-to-end tests.
public enum BuiltBinary {
    /// The package's root folder (found from this file's location).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The newest built `salesdesk` binary under `.build/`, or nil when none is built.
    public static var path: String? {
        let candidates = ["debug", "release"].map { packageRoot.appendingPathComponent(".build/\($0)/salesdesk").path }
        return candidates
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
            .max { modified($0) < modified($1) }
    }

    /// What a finished run printed and how it exited.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs the binary with `arguments` and extra environment, waiting for it to finish.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, environment: environment)
        return process.finish()
    }

    /// Starts the binary without waiting; call ``RunningProcess/finish()`` to collect it.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> RunningProcess {
        guard let path else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "salesdesk is not built; run swift build"]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningProcess(process: process, out: out, err: err)
    }

    /// A started run of the binary.
    public final class RunningProcess: @unchecked Sendable {
        let process: Process
        let out: Pipe
        let err: Pipe

        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            self.out = out
            self.err = err
        }

        /// Waits for the process and returns its output.
        public func finish() -> Result {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    private static func modified(_ path: String) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
    }
}
