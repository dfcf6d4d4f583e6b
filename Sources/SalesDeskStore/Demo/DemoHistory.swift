import Foundation
import GRDB
import SalesDeskDomain

/// The demo leads' stage history: each lead walks the pipeline from Open to the stage it is in now, one stage after
/// another, between its creation and the time it entered that stage; a won deal got at least as far as first
/// contact, and a lost one was lost from the stage it had reached (any open stage, the early ones more often).
/// Without it (the audit log of generated data holds no moves) every deal would go straight from Open to where it is,
/// and win/loss would show every loss as "Lost from: Open".
struct DemoHistory {
    /// Its own random sequence, so the rest of the demo stays the same for a seed.
    var random: SeededGenerator
    let stages: [StageKey]

    init(seed: UInt64, pipeline: Pipeline) {
        random = SeededGenerator(seed: seed ^ 0x5EED_0F_4157_0123)
        stages = pipeline.openStages.map(\.key)
    }

    /// How far along the open stages (index into ``stages``) a lead now in `stage` got.
    private mutating func reached(_ stage: StageKey) -> Int {
        if let index = stages.firstIndex(of: stage) { return index }
        let last = stages.count - 1
        guard last > 0 else { return 0 }
        // Won deals went far; lost ones drop out all along the way, early more often than late.
        let weights = stage == .won
            ? (1...last).map { ($0, $0) }
            : (0...last).map { ($0, last + 1 - $0) }
        return random.pick(weights)
    }

    /// Inserts the history of every lead, in batches of ids, reporting progress.
    mutating func insert(into database: AppDatabase, progress: (Double) -> Void) throws {
        let maxID = try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM lead") } ?? 0
        let batch: Int64 = 100_000
        var low: Int64 = 1
        while low <= maxID {
            try database.writer.write { db in
                let insert = try BulkInsert(db, sql: "INSERT INTO lead_stage_change (lead_id, from_stage, to_stage, at, user_id) VALUES (?, ?, ?, ?, ?)")
                let leads = try Row.fetchCursor(db, sql: "SELECT id, stage, owner_id, created_at, stage_entered_at FROM lead WHERE id BETWEEN ? AND ? ORDER BY id",
                                                arguments: [low, low + batch - 1])
                while let lead = try leads.next() {
                    let stage = StageKey(rawValue: lead[1])
                    let created: Int64 = lead[3], entered: Int64 = max(created, lead[4])
                    var path = Array(stages[0...reached(stage)])
                    if !stages.contains(stage) { path.append(stage) }
                    // The steps after creation at sorted random times, the last one when the lead entered its stage.
                    let steps = path.count - 1
                    var times = (0..<max(0, steps - 1)).map { _ in Int64.random(in: created...entered, using: &random) }.sorted()
                    times.append(entered)
                    for (position, to) in path.enumerated() {
                        try insert.row { row in
                            row.bind(1, lead[0] as Int64)
                            row.bind(2, position == 0 ? nil : path[position - 1].rawValue)
                            row.bind(3, to.rawValue)
                            row.bind(4, position == 0 ? created : times[position - 1])
                            row.bind(5, lead[2] as Int64)
                        }
                    }
                }
            }
            low += batch
            progress(Double(min(low - 1, maxID)) / Double(max(maxID, 1)))
        }
    }
}
