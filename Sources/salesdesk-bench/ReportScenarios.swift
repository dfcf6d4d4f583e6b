import Foundation
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore

/// Every report on the 1m set, run as the demo admin (the whole company) and as a manager (one team), each beside
/// the same figure as a plain SQL `GROUP BY` in the sqlite3 shell. Reports are judged by their p95.
struct ReportScenarios {
    let database: AppDatabase
    let runs: Int
    let compareWithSQLite: Bool

    /// Opens the file, running the migrations it still needs (the report summaries' backfill on an older file) with
    /// their progress on stderr and their time printed.
    static func openTimingMigrations(path: String) throws -> AppDatabase {
        MigrationProgress.handler = { step, fraction in
            FileHandle.standardError.write(Data(String(format: "\r%@ %3.0f%%   ", step, fraction * 100).utf8))
        }
        defer { MigrationProgress.handler = nil }
        var database: AppDatabase?
        let seconds = try Measurement.seconds { database = try AppDatabase.open(path: path) }
        print(String(format: "open with pending migrations: %.1f s", seconds))
        return database!
    }

    func run() throws -> [BenchmarkResult] {
        guard let admin = try database.user(handle: "admin"), let manager = try database.user(handle: "jonas") else {
            throw DomainError.notFound("The demo users 'admin' and 'jonas' (is this a demo database?)")
        }
        let now = Date()
        let runner = ReportRunner(database: database, now: { now })
        let utc = TimeZone(identifier: "UTC")!
        func range(_ kind: ReportPeriod.Kind) -> String {
            let period = ReportPeriod.containing(now, kind, timeZone: utc)
            return "\(Int64(period.start.timeIntervalSince1970)) AND \(Int64(period.end.timeIntervalSince1970) - 1)"
        }
        let sql: [ReportName: String] = [
            .forecast: "SELECT stage, currency, COUNT(*), SUM(value_minor) FROM lead WHERE expected_close_date BETWEEN \(range(.quarter)) GROUP BY stage, currency",
            .winLoss: "SELECT stage, loss_reason, COUNT(*), SUM(value_minor) FROM lead WHERE stage IN ('won', 'lost') AND stage_entered_at BETWEEN \(range(.quarter)) GROUP BY stage, loss_reason",
            .funnel: "SELECT stage, COUNT(*) FROM lead WHERE created_at BETWEEN \(range(.quarter)) GROUP BY stage",
            .stageSpeed: "SELECT from_stage, COUNT(*) FROM lead_stage_change WHERE at BETWEEN \(range(.month)) GROUP BY from_stage",
            .activity: "SELECT owner_id, type, state, COUNT(*) FROM activity WHERE due_at BETWEEN \(range(.week)) GROUP BY owner_id, type, state",
            .sources: "SELECT source, COUNT(*), SUM(stage = 'won') FROM lead WHERE created_at BETWEEN \(range(.quarter)) GROUP BY source",
            .support: "SELECT team_id, priority, COUNT(*), SUM(first_response_at IS NOT NULL) FROM ticket WHERE created_at BETWEEN \(range(.month)) GROUP BY team_id, priority",
            .scorecard: "SELECT owner_id, stage, COUNT(*), SUM(value_minor) FROM lead GROUP BY owner_id, stage",
        ]
        var results: [BenchmarkResult] = []
        for name in ReportName.allCases {
            for (label, reader) in [("company", admin), ("one team", manager)] {
                let p95 = try Measurement.percentile95(runs: max(runs, 1)) { _ = try runner.run(ReportParameters(report: name), for: reader) }
                let sqlite = label == "company" && compareWithSQLite && SQLiteCLI.isAvailable
                    ? try sql[name].map { try SQLiteCLI.medianMilliseconds(database: database.path, sql: $0) } : nil
                results.append(BenchmarkResult(name: "report \(name.rawValue), \(label) (p95)", deskMilliseconds: p95, sqliteMilliseconds: sqlite))
                if name == .stageSpeed {
                    results += try StageSpeedParts(database: database, runs: runs).run(for: reader, label: label, now: now)
                }
            }
        }
        return results
    }
}
