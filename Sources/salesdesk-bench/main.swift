import Foundation
import SalesDeskStore

/// `salesdesk-bench`: generates (or reuses) a demo database and measures the desk's hot paths.
///
///     swift run -c release salesdesk-bench --size 1m --db Benchmarks/data/1m.sqlite [--runs 7] [--no-sqlite]
///         [--only store|desk|scheduler|reports|automation|launch] [--daemon-seconds 60]
///     swift run -c release salesdesk-bench --import [--rows 1000000] [--batch 5000] [--floor-only]
let arguments: BenchArguments
do {
    arguments = try BenchArguments(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("salesdesk-bench: \(error)\n".utf8))
    exit(2)
}
if arguments.wantsHelp {
    print(BenchArguments.usage)
    exit(0)
}
func value(_ flag: String) -> String? { arguments.value(flag) }
let size = DemoDataGenerator.Size(rawValue: value("--size") ?? "1m") ?? .large
let path = value("--db") ?? "Benchmarks/data/\(size.rawValue).sqlite"
let runs = Int(value("--runs") ?? "7") ?? 7
let compare = !arguments.contains("--no-sqlite")
/// `--only store`, `--only desk`, `--only scheduler`, `--only reports` or `--only automation` runs one group (so peak RSS
/// belongs to that group alone); `--only launch` times the first open of fresh copies of the file, phase by phase.
let only = value("--only")
let daemonSeconds = Int(value("--daemon-seconds") ?? "60") ?? 60

do {
    if arguments.contains("--import") {
        try ImportScenario.run(rows: Int(value("--rows") ?? "1000000") ?? 1_000_000, directory: "Benchmarks/data", batchSize: value("--batch").flatMap { Int($0) },
                               floorOnly: arguments.contains("--floor-only"))
        exit(0)
    }
    if !FileManager.default.fileExists(atPath: path) || arguments.contains("--regenerate") {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: path)
        var phases: [(String, Double)] = []
        var phaseStart = DispatchTime.now().uptimeNanoseconds
        let seconds = try Measurement.seconds {
            try DemoDataGenerator(size: size, seed: 42, now: Date()).generate(into: database) { phase, fraction in
                if phases.last?.0 != phase {
                    let now = DispatchTime.now().uptimeNanoseconds
                    if let last = phases.indices.last { phases[last].1 = Double(now - phaseStart) / 1e9 }
                    phaseStart = now
                    phases.append((phase, 0))
                }
                FileHandle.standardError.write(Data(String(format: "\r%@ %3.0f%%   ", phase, fraction * 100).utf8))
            }
        }
        if let last = phases.indices.last { phases[last].1 = Double(DispatchTime.now().uptimeNanoseconds - phaseStart) / 1e9 }
        print("\nphases: " + phases.map { String(format: "%@ %.1f s", $0.0, $0.1) }.joined(separator: ", "))
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(format: "\ndemo generation (%@): %.1f s, database %.0f MB, peak RSS %.0f MB", size.rawValue, seconds, Double(bytes) / 1_048_576, Measurement.peakRSSMegabytes()))
    }
    if only == nil || only == "store" || only == "scheduler" {
        let database = try AppDatabase.open(path: path)
        var results = only == "scheduler" ? [] : try StoreScenarios(database: database, runs: runs, compareWithSQLite: compare).run()
        let scheduler = only == "store" ? nil : try await SchedulerScenarios(database: database, runs: runs, daemonSeconds: daemonSeconds).run()
        results += scheduler?.results ?? []
        BenchmarkReport.print(results)
        if let cpu = scheduler?.daemonCPUPercent { print(String(format: "idle scheduler daemon: %.3f %% CPU over %d s", cpu, daemonSeconds)) }
    }
    if only == "launch" {
        LaunchScenario.print(try LaunchScenario(path: path, runs: runs, daysLater: Double(value("--days-later") ?? "0") ?? 0).run())
    }
    if only == nil || only == "reports" {
        let database = try ReportScenarios.openTimingMigrations(path: path)
        BenchmarkReport.print(try ReportScenarios(database: database, runs: runs, compareWithSQLite: compare).run())
    }
    if only == nil || only == "automation" {
        BenchmarkReport.print(try AutomationScenarios(database: try AppDatabase.open(path: path), runs: runs).run())
    }
    if only == nil || only == "desk" {
        let desk = try DeskScenarios(path: path, runs: runs).run()
        BenchmarkReport.printDesk(firstFrame: desk.firstFrame, latencies: desk.latencies)
    }
    print(String(format: "peak RSS: %.0f MB", Measurement.peakRSSMegabytes()))
} catch {
    FileHandle.standardError.write(Data("salesdesk-bench: \(error)\n".utf8))
    exit(1)
}
