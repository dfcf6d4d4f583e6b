import Foundation
import GRDB
import SalesDeskStore

/// What the fault tests check after a crash, a full disk or a load run: the file is sound, nothing is
/// half-written, and the audit chain verifies. Reusable by any suite that breaks a writer on purpose
/// (an import killed mid-batch, a scheduler pass killed mid-run).
///
/// ```swift
/// let child = try BuiltBinary.start(["demo", "--db", path])
/// usleep(300_000); child.kill(); _ = child.finish()
/// #expect(try StoreSoundness.problems(at: path).isEmpty)
/// ```
public enum StoreSoundness {
    /// Opens the file as a desk would (running recovery of a killed writer's WAL) and lists every problem:
    /// SQLite's integrity and foreign key checks, a broken audit chain, pipeline totals that disagree with
    /// the leads (a half-applied write), leads without a contact. Empty means sound.
    public static func problems(at path: String) throws -> [String] {
        let database = try AppDatabase.open(path: path)
        return try problems(in: database)
    }

    /// See ``problems(at:)``.
    public static func problems(in database: AppDatabase) throws -> [String] {
        var problems = try database.integrityProblems()
        if let broken = try database.verifyAuditChain().firstBreak { problems.append("audit chain: \(broken)") }
        problems += try database.writer.read { db in
            var found: [String] = []
            let drift = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (
                    SELECT stage, owner_id, currency, COUNT(*) AS n, SUM(value_minor) AS v FROM lead GROUP BY 1, 2, 3
                ) AS actual FULL OUTER JOIN (SELECT * FROM pipeline_total WHERE lead_count <> 0) AS kept
                  USING (stage, owner_id, currency)
                WHERE actual.n IS NOT kept.lead_count OR actual.v IS NOT kept.value_minor
                """) ?? 0
            if drift > 0 { found.append("pipeline totals disagree with the leads in \(drift) cells") }
            let orphans = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead WHERE contact_id NOT IN (SELECT id FROM contact)") ?? 0
            if orphans > 0 { found.append("\(orphans) leads without a contact") }
            return found
        }
        return problems
    }
}
