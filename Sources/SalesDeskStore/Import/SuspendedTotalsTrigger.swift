import GRDB
import SalesDeskDomain

/// Keeps the board's `pipeline_total` exact for one import batch without its per-row trigger.
///
/// Inside a large transaction SQLite gives every statement that fires a trigger a statement journal,
/// so `pipeline_total_insert` costs more per lead than all ten of the lead's indexes together (1M-row
/// import: 2× slower with it). For the length of one batch the trigger is dropped inside the batch's
/// own transaction, the batch's leads are summed here, and ``finish(_:)`` adds the sums with one
/// upsert per (stage, owner, currency) before re-creating the trigger from the SQL it was stored with.
///
/// Other connections only ever see committed states, and each has the trigger; a crash or an error
/// rolls the `DROP` back with the rest of the batch. The sums mirror the trigger: one lead adds 1 to
/// `lead_count` and its value to `value_minor`.
struct SuspendedTotalsTrigger {
    static let name = "pipeline_total_insert"

    private struct Key: Hashable {
        let stage: String
        let ownerID: Int64
        let currency: String
    }

    private let triggerSQL: String?
    private var sums: [Key: (count: Int64, value: Int64)] = [:]

    /// Drops the trigger (if the schema has it) for the rest of the caller's transaction.
    init(_ db: Database) throws {
        triggerSQL = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [Self.name])
        if triggerSQL != nil { try db.execute(sql: "DROP TRIGGER \(Self.name)") }
    }

    /// Counts one inserted lead; refuses a sum that no longer fits in 64 bits (the batch rolls back).
    mutating func add(stage: String, ownerID: Int64, currency: String, valueMinor: Int64) throws {
        guard triggerSQL != nil else { return }
        let key = Key(stage: stage, ownerID: ownerID, currency: currency)
        var sum = sums[key] ?? (0, 0)
        let (value, overflow) = sum.value.addingReportingOverflow(valueMinor)
        guard !overflow else {
            throw DomainError.invalidField(field: "value", reason: "the batch's \(currency) total in one stage is too large to store; import fewer or smaller amounts")
        }
        sum = (sum.count + 1, value)
        sums[key] = sum
    }

    /// Adds the batch's sums to `pipeline_total` and re-creates the trigger.
    func finish(_ db: Database) throws {
        guard let triggerSQL else { return }
        let upsert = try db.makeStatement(sql: """
            INSERT INTO pipeline_total (owner_id, stage, currency, lead_count, value_minor) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (stage, owner_id, currency) DO UPDATE SET
                lead_count = lead_count + excluded.lead_count, value_minor = value_minor + excluded.value_minor
            """)
        for (key, sum) in sums {
            try upsert.execute(arguments: [key.ownerID, key.stage, key.currency, sum.count, sum.value])
        }
        try db.execute(sql: triggerSQL)
    }
}
