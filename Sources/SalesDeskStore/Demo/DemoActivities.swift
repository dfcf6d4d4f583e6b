import Foundation
import GRDB
import SalesDeskDomain

/// Follow-ups on leads: mostly done history, plus planned work overdue, today, this week and later
/// (planned only on open leads: a won or lost lead has nothing left to do).
struct DemoActivities {
    let staff: DemoStaff
    let now: Date
    let count: Int
    let leadCount: Int

    func insert(into database: AppDatabase, leadOwners: [Int64], leadIsOpen: [Bool], random: inout SeededGenerator, progress: (Double) -> Void) throws {
        let nowSeconds = now.epochSeconds
        let hour: Int64 = 3600
        // A small demo needs a full-looking agenda; a large one a realistic 6 % planned.
        let plannedShare = count <= 10_000 ? 0.3 : 0.06
        let batch = 100_000
        var start = 0
        while start < count {
            let end = min(count, start + batch)
            try database.writer.write { db in
                let insert = try BulkInsert(db, sql: """
                    INSERT INTO activity (type, subject, notes, due_at, duration_minutes, owner_id, record_kind, record_id, state, outcome, completed_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'lead', ?, ?, ?, ?, ?)
                    """)
                for _ in start..<end {
                    let leadIndex = Int.random(in: 0..<leadCount, using: &random)
                    let type = random.pick([(ActivityType.call, 5), (.email, 4), (.meeting, 2), (.whatsapp, 1), (.task, 1)])
                    let planned = random.chance(plannedShare) && leadIsOpen[leadIndex]
                    var due: Int64
                    if planned {
                        // Hours from now: a few overdue, a good day's work today, then a tail into the coming weeks.
                        due = nowSeconds + random.pick([(Int64.random(in: -72 ... -1, using: &random), 2), (Int64.random(in: 0...10, using: &random), 4),
                                                        (Int64.random(in: 10...48, using: &random), 3), (Int64.random(in: 48...(24 * 45), using: &random), 6)]) * hour
                            + Int64.random(in: 0..<4, using: &random) * 900
                        due -= due % 900
                    } else {
                        due = nowSeconds - Int64.random(in: 1...(24 * 300), using: &random) * hour
                    }
                    try insert.row { row in
                        row.bind(1, type.rawValue)
                        row.bind(2, random.element(DemoVocabulary.callSubjects))
                        row.bind(3, planned ? "Prepare: check last notes and open tickets." : "")
                        row.bind(4, due)
                        row.bind(5, type == .meeting ? 60 : 30)
                        row.bind(6, leadOwners[leadIndex])
                        row.bind(7, Int64(leadIndex + 1))
                        row.bind(8, planned ? "planned" : "done")
                        row.bind(9, planned ? nil : random.element(["Reached them, next step agreed", "Left voicemail", "Sent the deck", "No answer"]))
                        // Three in four done on time (ten minutes before they were due), one in four half an hour late,
                        // told apart by the hour they were due (no extra random draw, so the rest of the demo stays as it was).
                        let late = (nowSeconds - due) / hour % 4 == 0
                        row.bind(10, planned ? nil : due + (late ? 1800 : -600))
                        row.bind(11, due - Int64.random(in: 1...(24 * 14), using: &random) * hour)
                    }
                }
            }
            start = end
            progress(Double(end) / Double(count))
        }
    }
}
