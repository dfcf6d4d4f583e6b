import Foundation
import SalesDeskDomain
import SalesDeskStore

/// Imports from inside the desk: the same `LeadImporter` as `salesdesk import`, with the preview first
/// and the progress reported as it reads.
struct DeskImport {
    let database: AppDatabase

    /// The mapping and first rows of `path`; writes nothing.
    func preview(path: String, onDuplicate: DuplicatePolicy, dryRun: Bool, user: User) throws -> ImportPreview {
        try ImportPreview.load(path: path, onDuplicate: onDuplicate, dryRun: dryRun, importer: importer(onDuplicate, dryRun, user))
    }

    /// Runs the import the preview describes; returns the summary line. Batches commit as they go (see
    /// Docs/IMPORT.md), so a crash leaves whole batches and re-running the file resumes.
    func run(_ preview: ImportPreview, user: User, progress: (ImportSummary, Double) -> Void) throws -> String {
        let importer = importer(preview.onDuplicate, preview.dryRun, user)
        let reader = try ImportFile.open(path: preview.path)
        let summary = try importer.run(reader, mapping: try importer.mapping(for: reader), file: ImportFingerprint(path: preview.path), progress: progress)
        if let stopped = summary.stoppedEarly { return summary.headline(dryRun: preview.dryRun) + " Stopped early: \(stopped.description)" }
        return summary.headline(dryRun: preview.dryRun) + (summary.rejected > 0 ? " Rejected rows: salesdesk import --rejects FILE lists them." : "")
    }

    private func importer(_ onDuplicate: DuplicatePolicy, _ dryRun: Bool, _ user: User) -> LeadImporter {
        LeadImporter(database: database, user: user, options: ImportOptions(onDuplicate: onDuplicate, dryRun: dryRun))
    }
}
