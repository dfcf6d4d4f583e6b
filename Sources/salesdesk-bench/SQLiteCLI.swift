import Foundation

/// Times the same SQL in the `sqlite3` command-line shell, for ratios against the desk's queries.
///
/// The query runs `repeats` times inside one shell process, so process start-up is amortised away;
/// the reported figure is the median per-query time over `runs` such processes.
enum SQLiteCLI {
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/sqlite3")
    }

    static func medianMilliseconds(database: String, sql: String, repeats: Int = 20, runs: Int = 5) throws -> Double {
        let statement = sql.trimmingCharacters(in: .whitespacesAndNewlines) + ";\n"
        // A slow query needs no amortising: time it alone, a few times.
        let probe = try time(database: database, script: statement)
        let repeats = probe > 200 ? 1 : repeats
        let runs = probe > 200 ? 3 : runs
        let script = String(repeating: statement, count: repeats)
        var samples: [Double] = []
        for _ in 0..<runs {
            let baseline = try time(database: database, script: "SELECT 1;\n")
            let total = try time(database: database, script: script)
            samples.append(max(0, total - baseline) / Double(repeats))
        }
        return samples.sorted()[samples.count / 2]
    }

    private static func time(database: String, script: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", database]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}
