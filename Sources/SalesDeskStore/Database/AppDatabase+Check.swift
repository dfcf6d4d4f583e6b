import Foundation
import GRDB

extension AppDatabase {
    /// What `salesdesk db check` finds wrong, in words; empty when the file is sound.
    ///
    /// Runs SQLite's `PRAGMA integrity_check` and foreign key check, and compares the file's tables with
    /// those this binary's migrations make (a dropped table is damage too; indexes are not compared, since
    /// a bulk load killed midway legitimately leaves its tables without them until it is run again).
    /// When SQLite cannot even finish its check (`SQLITE_CORRUPT`), each table is read on its own to say
    /// which ones are damaged. Any problem marks the file damaged (``DamageMarker``); a clean check clears
    /// an earlier mark.
    public func integrityProblems() throws -> [String] {
        var problems = try missingSchemaObjects()
        do {
            problems += try writer.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                    "foreign key violation in \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0)"
                }
                return integrity + foreignKeys
            }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            problems.append("SQLite cannot finish its integrity check: \(error.message ?? "the file is malformed")")
            problems += try unreadableTables()
        }
        if problems.isEmpty {
            DamageMarker.clear(path)
        } else {
            DamageMarker.mark(path, detail: problems[0])
        }
        return problems
    }

    /// Tables the migrations make that the file lacks.
    private func missingSchemaObjects() throws -> [String] {
        let present = try writer.read { db in try Self.schemaObjects(db) }
        return Self.expectedSchemaObjects.subtracting(present).sorted().map { "\($0) is missing (dropped?)" }
    }

    /// The tables the file should have, each read in full (in a read of its own: SQLite abandons a read
    /// transaction that meets damage); names those SQLite cannot read.
    private func unreadableTables() throws -> [String] {
        let tables = Self.expectedSchemaObjects.map { String($0.dropFirst("table ".count)) }.sorted()
        var damaged: [String] = []
        for table in tables {
            do {
                try writer.read { db in
                    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\"")
                    while try rows.next() != nil {}
                }
            } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
                damaged.append("table \(table) is damaged: \(error.message ?? "malformed")")
            }
        }
        return damaged
    }

    /// "table lead", "index lead_owner", ... for every object in `db`'s schema (SQLite's own excepted).
    private static func schemaObjects(_ db: Database) throws -> Set<String> {
        Set(try Row.fetchAll(db, sql: "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").map { row in
            "\(row["type"] as String) \(row["name"] as String)"
        })
    }

    /// The schema objects a fresh database migrated by this binary has (worked out once, in memory).
    private static let expectedSchemaObjects: Set<String> = {
        guard let queue = try? DatabaseQueue(), (try? Schema.migrator.migrate(queue)) != nil,
              let objects = try? queue.read({ db in try schemaObjects(db) }) else { return [] }
        return objects.filter { $0.hasPrefix("table ") && !$0.hasSuffix("grdb_migrations") }
    }()
}
