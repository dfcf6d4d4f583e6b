import Foundation
import GRDB
import SalesDeskDomain

/// Accounts, contacts and leads for the demo, inserted in batches through prepared statements.
struct DemoLeads {
    let staff: DemoStaff
    let now: Date
    let count: Int
    /// One account per five leads.
    var accountCount: Int { max(1, count / 5) }
    /// Owner (user id) of each lead, by lead id − 1; the activities phase needs it.
    private(set) var owners: [Int64] = []
    /// Whether each lead (by lead id − 1) is in an open stage: only those get planned follow-ups.
    private(set) var isOpen: [Bool] = []

    init(staff: DemoStaff, now: Date, count: Int) {
        self.staff = staff
        self.now = now
        self.count = count
    }

    /// Stage mix of a living pipeline: many early, a long tail, a fair share won and lost.
    private static let stageWeights: [(StageKey, Int)] = [
        (.open, 15), (.firstContact, 12), (.connected, 10), (.demoScheduled, 7), (.demoGiven, 6), (.proposalSent, 6),
        (.negotiation, 5), (.integrationApproved, 3), (.won, 18), (.lost, 18),
    ]
    private static let lossWeights: [(LossReason, Int)] = [
        (.priceTooHigh, 5), (.wentWithCompetitor, 4), (.budgetConstraints, 4), (.timingNotRight, 3), (.featureGaps, 2),
        (.other("Champion left the company"), 1),
    ]

    mutating func insert(into database: AppDatabase, random: inout SeededGenerator, progress: (Double) -> Void) throws {
        let nowSeconds = now.epochSeconds
        let day: Int64 = 86_400
        let accounts = accountCount
        var accountOwner = [Int64](repeating: 0, count: accounts)
        var accountName = [String](repeating: "", count: accounts)
        try database.writer.write { db in
            let insert = try BulkInsert(db, sql: "INSERT INTO account (id, name, domain, industry, status, owner_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for index in 0..<accounts {
                let stem = random.element(DemoVocabulary.companyStems)
                let suffix = random.element(DemoVocabulary.companySuffixes)
                let name = index < DemoVocabulary.companyStems.count * 2 ? "\(stem) \(suffix)" : "\(stem) \(suffix) \(index)"
                let owner = random.element(staff.reps)
                accountOwner[index] = owner
                accountName[index] = name
                try insert.row { row in
                    row.bind(1, Int64(index + 1))
                    row.bind(2, name)
                    row.bind(3, "\(stem.lowercased().filter(\.isLetter))\(index).example")
                    row.bind(4, random.element(DemoVocabulary.industries))
                    row.bind(5, "prospect")
                    row.bind(6, owner)
                    row.bind(7, nowSeconds - Int64.random(in: 30...720, using: &random) * day)
                }
            }
        }
        owners = [Int64](repeating: 0, count: count)
        isOpen = [Bool](repeating: true, count: count)
        let batch = 100_000
        var start = 0
        while start < count {
            let end = min(count, start + batch)
            try database.writer.write { db in
                let contact = try BulkInsert(db, sql: "INSERT INTO contact (id, name, email, email_key, phone, title, account_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                let lead = try BulkInsert(db, sql: """
                    INSERT INTO lead (id, contact_id, account_id, title, source, partner, owner_id, stage, value_minor, currency,
                        expected_close_date, score, tags, stage_entered_at, last_activity_at, last_touched_at, loss_reason, loss_note,
                        is_on_hold, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for index in start..<end {
                    let id = Int64(index + 1)
                    let accountIndex = index % accounts
                    let first = random.element(DemoVocabulary.firstNames)
                    let last = random.element(DemoVocabulary.lastNames)
                    let name = "\(first) \(last)"
                    let email = "\(first.lowercased().filter(\.isASCII).filter(\.isLetter)).\(last.lowercased().filter(\.isASCII).filter(\.isLetter))\(id)@example.com"
                    let created = nowSeconds - Int64.random(in: 1...400, using: &random) * day - Int64.random(in: 0..<day, using: &random)
                    let stage = random.pick(Self.stageWeights)
                    // Open deals mostly moved recently, with a stalled tail; closed ones can be old.
                    let maxAge = max(1, (nowSeconds - created) / day)
                    let stageAge = stage == .won || stage == .lost
                        ? Int64.random(in: 0...maxAge, using: &random)
                        : min(maxAge, random.pick([(Int64.random(in: 0...3, using: &random), 4), (Int64.random(in: 3...14, using: &random), 4), (Int64.random(in: 14...60, using: &random), 2)]))
                    let entered = max(created, nowSeconds - stageAge * day - Int64.random(in: 0..<day, using: &random))
                    let lastActivity: Int64? = random.chance(0.6) ? Int64.random(in: entered...nowSeconds, using: &random) : nil
                    let loss: LossReason? = stage == .lost ? random.pick(Self.lossWeights) : nil
                    let owner = random.chance(0.8) ? accountOwner[accountIndex] : random.element(staff.reps)
                    owners[index] = owner
                    isOpen[index] = stage != .won && stage != .lost
                    let currency = random.pick([("USD", 85), ("EUR", 10), ("GBP", 5)])
                    let source = random.pick([(LeadSource.websiteForm, 30), (.facebookAd, 20), (.manual, 15), (.partnerReferral, 10), (.bulkUpload, 10), (.event, 10), (.email, 5)])
                    try contact.row { row in
                        row.bind(1, id)
                        row.bind(2, name)
                        row.bind(3, email)
                        row.bind(4, email)
                        row.bind(5, "+1555\(String(format: "%07d", Int(id % 10_000_000)))")
                        row.bind(6, random.element(DemoVocabulary.titles))
                        row.bind(7, Int64(accountIndex + 1))
                        row.bind(8, created)
                    }
                    try lead.row { row in
                        row.bind(1, id)
                        row.bind(2, id)
                        row.bind(3, Int64(accountIndex + 1))
                        row.bind(4, "\(accountName[accountIndex]) — \(random.element(DemoVocabulary.dealSuffixes))")
                        row.bind(5, source.rawValue)
                        row.bind(6, source == .partnerReferral ? "Northwind Partners" : nil)
                        row.bind(7, owner)
                        row.bind(8, stage.rawValue)
                        row.bind(9, Int64.random(in: 10...2_500, using: &random) * 10_000)
                        row.bind(10, currency)
                        row.bind(11, nowSeconds + Int64.random(in: -30...120, using: &random) * day)
                        row.bind(12, Int.random(in: 0...100, using: &random))
                        row.bind(13, random.chance(0.2) ? "priority" : "")
                        row.bind(14, entered)
                        row.bind(15, lastActivity)
                        row.bind(16, max(entered, lastActivity ?? entered))
                        row.bind(17, loss?.code)
                        row.bind(18, loss?.note)
                        row.bind(19, stage == .negotiation && random.chance(0.15) ? 1 : 0)
                        row.bind(20, created)
                        row.bind(21, max(entered, lastActivity ?? entered))
                    }
                }
                try db.execute(sql: "UPDATE account SET status = 'customer' WHERE id IN (SELECT account_id FROM lead WHERE stage = 'won' AND id BETWEEN ? AND ?)",
                               arguments: [start + 1, end])
            }
            start = end
            progress(Double(end) / Double(count))
        }
    }
}
