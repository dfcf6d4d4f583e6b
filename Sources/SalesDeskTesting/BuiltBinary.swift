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
    public typealias Result = ChildProcess.Result

    /// Runs the binary with `arguments` and extra environment, waiting for it to finish.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try start(arguments, environment: environment).finish()
    }

    /// Starts the binary without waiting; call ``ChildProcess/finish()`` to collect it.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess {
        guard let path else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "salesdesk is not built; run swift build"]) }
        return try ChildProcess(executable: path, arguments: arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    private static func modified(_ path: String) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
    }
}
