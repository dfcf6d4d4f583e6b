import Foundation
import GRDB
import SalesDeskDomain

/// Finds leads that newly crossed a stall level since the last scan, per stage and level, by walking
/// the `lead(stage, last_touched_at)` index between the previous cutoff and the current one. Activity
/// moves `last_touched_at` forward, so a touched lead leaves the window and a later crossing is a new
/// stall episode; each crossing is seen by exactly one scan because the cursor moves in the same
/// transaction as the notifications.
enum StallScan {
    /// A lead that crossed a stall level.
    struct Crossing {
        var leadID: Int64
        var title: String
        var ownerID: Int64
        var level: StallLevel
        var touchedAt: Int64
        /// The instant the lead crossed the level.
        var crossedAt: Date
    }

    /// The crossings between the stored cursors and `now`; moves the cursors to `now`'s cutoffs.
    /// The first scan of a stage only sets its cursor: leads already stalled then are on the Stalled queue.
    static func advance(_ db: Database, pipeline: Pipeline, now: Date) throws -> [Crossing] {
        var crossings: [Crossing] = []
        for stage in pipeline.openStages {
            for level in StallLevel.allCases {
                guard let threshold = level.threshold(for: stage), let cutoff = level.cutoff(for: stage, now: now)?.epochSeconds else { continue }
                let name = cursorName(stage.key, level)
                if let previous = try Int64.fetchOne(db, sql: "SELECT value FROM scheduler_cursor WHERE name = ?", arguments: [name]), previous < cutoff {
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT id, title, owner_id, last_touched_at FROM lead
                        WHERE stage = ? AND last_touched_at > ? AND last_touched_at <= ? AND is_on_hold = 0
                        """, arguments: [stage.key.rawValue, previous, cutoff])
                    crossings += rows.map { row in
                        let touched: Int64 = row["last_touched_at"]
                        return Crossing(leadID: row["id"], title: row["title"], ownerID: row["owner_id"], level: level, touchedAt: touched,
                                        crossedAt: Date(epochSeconds: touched).addingTimeInterval(threshold))
                    }
                }
                try db.execute(sql: """
                    INSERT INTO scheduler_cursor (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = MAX(value, ?2)
                    """, arguments: [name, cutoff])
            }
        }
        return crossings
    }

    /// The earliest instant a lead not yet scanned will cross a level, or nil when none will.
    static func nextCrossing(_ db: Database, pipeline: Pipeline) throws -> Date? {
        var next: Date?
        for stage in pipeline.openStages {
            for level in StallLevel.allCases {
                guard let threshold = level.threshold(for: stage),
                      let cursor = try Int64.fetchOne(db, sql: "SELECT value FROM scheduler_cursor WHERE name = ?", arguments: [cursorName(stage.key, level)]),
                      let touched = try Int64.fetchOne(db, sql: "SELECT MIN(last_touched_at) FROM lead WHERE stage = ? AND last_touched_at > ?",
                                                       arguments: [stage.key.rawValue, cursor])
                else { continue }
                let crossing = Date(epochSeconds: touched).addingTimeInterval(threshold)
                next = min(next ?? crossing, crossing)
            }
        }
        return next
    }

    private static func cursorName(_ stage: StageKey, _ level: StallLevel) -> String { "stall:\(stage.rawValue):\(level.rawValue)" }
}
