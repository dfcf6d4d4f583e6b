import ArgumentParser
import Foundation
import SalesDeskStore

/// `salesdesk demo`: generate the demo data set.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Generate a realistic, deterministic demo database.",
        discussion: "small: 2,000 leads (instant). 1m: 1,000,000 leads, 200,000 tickets, 1,000,000 follow-ups (for benchmarks).")

    @Option(help: "How much data to generate.") var size: DemoDataGenerator.Size = .small
    @Option(help: "Random seed: the same seed gives the same data.") var seed: UInt64 = 42
    @Option(help: "Database file to create (default: the demo database).") var db: String?
    @Flag(help: "Replace the file if it exists: a demo database, or (by one of its admins, after a backup) a real one.") var force = false

    /// The sample rep `--demo` signs in as.
    static let demoRepHandle = DemoDataGenerator.sampleRepHandle

    /// `$XDG_DATA_HOME/salesdesk/demo.sqlite`.
    static func defaultDemoPath() -> String {
        (AppDatabase.defaultPath(environment: ProcessInfo.processInfo.environment.filter { $0.key != "SALESDESK_DB" }) as NSString)
            .deletingLastPathComponent + "/demo.sqlite"
    }

    func run() throws {
        let path = db ?? Self.defaultDemoPath()
        if FileManager.default.fileExists(atPath: path) {
            guard force else { throw ValidationError("\(path) exists. Pass --force to replace it, or --db to choose another file.") }
            if let backup = try DemoReplacement.prepare(path) { print("Kept a backup of the replaced database: \(backup)") }
        }
        let started = Date()
        try Self.generate(into: path, size: size, seed: seed, progress: isatty(STDERR_FILENO) == 1)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(format: "Generated %@ demo data in %.1f s: %@ (%.1f MB). Try: salesdesk agenda --db %@ --as %@",
                     size.rawValue, Date().timeIntervalSince(started), path, Double(bytes) / 1_048_576, path, Self.demoRepHandle))
    }

    /// Creates `path` and fills it; shows a progress line on stderr when `progress` is true.
    static func generate(into path: String, size: DemoDataGenerator.Size, seed: UInt64, progress: Bool) throws {
        try DeskClock.useFixedTime(ProcessInfo.processInfo.environment["SALESDESK_NOW"]) // a demo file: every person is fictional
        let database = try AppDatabase.open(path: path, now: DeskClock.now)
        let generator = DemoDataGenerator(size: size, seed: seed, now: DeskClock.now())
        do {
            try generator.generate(into: database) { phase, fraction in
                guard progress else { return }
                FileHandle.standardError.write(Data(String(format: "\r\u{1B}[2K%@ %3.0f%%", phase, fraction * 100).utf8))
            }
            if progress { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }
}
