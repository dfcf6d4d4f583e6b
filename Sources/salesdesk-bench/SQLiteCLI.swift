import Foundation

/// Times the same SQL in the `sqlite3` command-line shell, for ratios against the desk's queries.
///
/// The statement runs several times in one shell with `.timer on`; the figure is the median of the
/// shell's own per-statement CPU time (user + sys), so process start-up and output never count.
enum SQLiteCLI {
    static var isAvailable: Bool {
        ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func medianMilliseconds(database: String, sql: String) throws -> Double {
        let statement = sql.trimmingCharacters(in: .whitespacesAndNewlines) + ";\n"
        let probe = try timings(database: database, script: statement, repeats: 1)
        let repeats = (probe.first ?? 0) > 200 ? 3 : 21
        let samples = try timings(database: database, script: statement, repeats: repeats).sorted()
        return samples.isEmpty ? 0 : samples[samples.count / 2]
    }

    /// Per-statement milliseconds reported by `.timer`.
    private static func timings(database: String, script: String, repeats: Int) throws -> [Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", database]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data((".output /dev/null\n.timer on\n" + String(repeating: script, count: repeats)).utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").compactMap { line -> Double? in
            let words = line.split(separator: " ")
            guard line.hasPrefix("Run Time:"), let user = words.firstIndex(of: "user"), let sys = words.firstIndex(of: "sys"),
                  let userSeconds = Double(words[user + 1]), let sysSeconds = Double(words[sys + 1]) else { return nil }
            return (userSeconds + sysSeconds) * 1000
        }
    }
}
