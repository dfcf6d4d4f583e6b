import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk-bench --import [--rows N] [--batch N] [--floor-only]`: imports an N-lead CSV written from
/// the demo vocabulary into a fresh small-demo database, and in the same run times, on the same file,
/// `sqlite3 .import` into a plain table (the baseline), the sqlite3 shell alone making the import's writes
/// set-based on a copy of the same fresh database (``ImportFloor``), and the shell building only the
/// leads' search index.
///
/// Reports rows per second for each, the ratios to the baseline and this process's peak RSS.
/// `--floor-only` skips the desk's own import (the shell's figures only).
enum ImportScenario {
    static func run(rows: Int, directory: String, batchSize: Int? = nil, floorOnly: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let csv = "\(directory)/import-\(rows).csv"
        if !FileManager.default.fileExists(atPath: csv) {
            let seconds = try Measurement.seconds { try DemoLeadCSV(count: rows, seed: 42).write(to: csv) }
            print(String(format: "wrote %@ in %.1f s", csv, seconds))
        }
        let bytes = ((try FileManager.default.attributesOfItem(atPath: csv)[.size]) as? NSNumber)?.doubleValue ?? 0
        let desk = "\(directory)/import-target.sqlite"
        let plain = "\(directory)/import-plain.sqlite"
        let floor = "\(directory)/import-floor.sqlite"
        let searchOnly = "\(directory)/import-search-only.sqlite"
        for path in [desk, plain, floor, searchOnly] { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }

        let database = try AppDatabase.open(path: desk)
        try DemoDataGenerator(size: .small, seed: 42, now: Date()).generate(into: database)
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try FileManager.default.copyItem(atPath: desk, toPath: floor)
        guard let admin = try database.user(handle: "admin") ?? database.user(handle: DemoDataGenerator.sampleRepHandle) else { return }
        let rssBefore = Measurement.peakRSSMegabytes()
        var summary = ImportSummary()
        let deskSeconds = floorOnly ? .nan : try Measurement.seconds {
            let reader = try ImportFile.open(path: csv)
            let importer = LeadImporter(database: database, user: admin, options: ImportOptions(batchSize: batchSize))
            summary = try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: csv), progress: { _, fraction in
                FileHandle.standardError.write(Data(String(format: "\rimporting %3.0f%%", fraction * 100).utf8))
            })
        }
        FileHandle.standardError.write(Data("\r".utf8))
        let sqliteSeconds = try ImportFloor.plainImportSeconds(csv: csv, database: plain)
        let floorSeconds = try ImportFloor.seconds(csv: csv, database: floor)
        let searchSeconds = try ImportFloor.searchOnlySeconds(csv: csv, database: searchOnly)
        let deskRate = Double(summary.read) / deskSeconds
        let sqliteRate = Double(rows) / sqliteSeconds
        print(String(format: "import of %d rows (%.0f MB): %d imported, %d skipped, %d rejected", rows, bytes / 1_048_576, summary.imported, summary.skipped, summary.rejected))
        print("| import | seconds | rows/s |")
        print("|---|---:|---:|")
        print(String(format: "| salesdesk import (validate, dedupe, score, assign, index) | %.2f | %.0f |", deskSeconds, deskRate))
        print(String(format: "| sqlite3 .import into a plain table | %.2f | %.0f |", sqliteSeconds, sqliteRate))
        print(String(format: "| sqlite3 alone: stage, then the import's writes set-based (floor) | %.2f | %.0f |", floorSeconds, Double(rows) / floorSeconds))
        print(String(format: "| sqlite3 alone: stage, then only the search index of the leads | %.2f | %.0f |", searchSeconds, Double(rows) / searchSeconds))
        print(String(format: "floor ÷ sqlite3 .import rows/s: %.2f×; search index alone: %.2f×", sqliteSeconds / floorSeconds, sqliteSeconds / searchSeconds))
        print(String(format: "desk ÷ sqlite3 rows/s: %.2f×; peak RSS %.0f MB (%.0f MB before the import)", deskRate / sqliteRate, Measurement.peakRSSMegabytes(), rssBefore))
    }
}
