import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// `salesdesk import FILE`: bulk lead capture from CSV or Excel.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import leads from a CSV or .xlsx file (HubSpot, Salesforce, Pipedrive, Zoho or the desk's template).",
        discussion: """
            Headers are mapped automatically; --map field=Header adjusts it (fields: \(ImportField.allCases.map(\.rawValue).joined(separator: ", "))).
            Rows are committed in batches; re-running the same file with --on-duplicate skip resumes an interrupted import.
            See Docs/IMPORT.md.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "CSV (, ; or tab) or .xlsx file.") var file: String?
    @Option(name: .customLong("map"), help: ArgumentHelp("field=Header; repeatable. field=- unmaps a field.", valueName: "field=Header"))
    var mappings: [String] = []
    @Option(help: "Sheet of an .xlsx file (default: the first).") var sheet: String?
    @Option(help: "Source for every row: \(LeadSource.allCases.map(\.rawValue).joined(separator: ", ")).") var source: String?
    @Option(help: "Give every lead to this user (handle).") var owner: String?
    @Option(help: ArgumentHelp("Leads whose owner cell names no desk user go to this user (handle).", valueName: "handle")) var ownerFallback: String?
    @Option(help: "rules: ignore the file's owner column and assign by the [import] rules.") var assign: AssignOption?
    @Option(help: "A row whose contact exists: skip it, merge (fill empty fields only) or create a second contact. A new deal for a known contact is always added.")
    var onDuplicate: DuplicatePolicy = .skip
    @Option(help: ArgumentHelp("Read national phone numbers as this country's (ISO code such as US, GB, DE) when a row names no country.", valueName: "country"))
    var phoneRegion: String?
    @Flag(help: "Validate, dedupe and count without writing anything.") var dryRun = false
    @Option(help: "Write rejected rows (row, column, reason) to this CSV file.") var rejects: String?
    @Flag(help: "Write the desk's import template (CSV header row) to FILE or stdout and stop.") var template = false

    func validate() throws {
        guard template || file != nil else { throw ValidationError("Name a file to import, or pass --template.") }
        if owner != nil && assign != nil { throw ValidationError("Use --owner or --assign rules, not both.") }
        if owner != nil && ownerFallback != nil { throw ValidationError("Use --owner or --owner-fallback, not both.") }
        if let phoneRegion, PhoneRegion.named(phoneRegion) == nil {
            throw ValidationError("--phone-region '\(TextSanitizer.sanitize(phoneRegion))' is not a country the desk knows (use an ISO code such as US, GB, DE).")
        }
    }

    func run() throws {
        if template { return try writeTemplate() }
        guard let file else { return }
        let database = try options.openDatabase()
        let user = try options.currentUser(in: database)
        let forced = try source.map { text in
            guard let source = LeadSource.parse(text) else {
                throw ValidationError("'\(text)' is not a source. Sources: \(LeadSource.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return source
        }
        let importOptions = ImportOptions(mapOverrides: mappings, forcedSource: forced, ownerHandle: owner,
                                          assignByRules: assign == .rules, onDuplicate: onDuplicate, dryRun: dryRun,
                                          ownerFallback: ownerFallback, phoneRegion: phoneRegion.flatMap(PhoneRegion.named))
        let reader = try ImportFile.open(path: file, sheet: sheet)
        let importer = LeadImporter(database: database, user: user, options: importOptions)
        let mapping: HeaderMapping
        do {
            mapping = try importer.mapping(for: reader)
        } catch {
            guard let workbook = reader as? XLSXReader, !workbook.otherSheets.isEmpty else { throw error }
            throw ValidationError("\(error) The workbook's other sheets: \(workbook.otherSheets.joined(separator: ", ")); choose one with --sheet NAME.")
        }
        printMapping(mapping)
        let rejectsFile = try rejects.map { try RejectsFile(path: $0) }
        let bar = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
        let summary: ImportSummary
        // What the committed batches hold: progress is reported after each batch's commit.
        var committed: ImportSummary?
        do {
            summary = try importer.run(reader, mapping: mapping, file: ImportFingerprint(path: file),
                                       rejected: { try rejectsFile?.add($0) },
                                       progress: { summary, fraction in
                                           committed = summary
                                           bar.show(fraction, "\(summary.read) rows")
                                       })
            bar.clear()
            try rejectsFile?.close()
        } catch {
            bar.clear()
            rejectsFile?.discard()
            // Earlier batches are kept: say exactly what, not that nothing was saved.
            if !dryRun, let committed { throw ImportInterrupted(committed: committed, reason: StoreError.explaining(error)) }
            throw error
        }
        printSummary(summary)
        if let stopped = summary.stoppedEarly {
            FileHandle.standardError.write(Data("salesdesk import: \(TextSanitizer.sanitize(stopped.description))\n".utf8))
            throw ExitCode.failure
        }
    }

    private func writeTemplate() throws {
        let header = ImportField.allCases.filter { $0 != .externalID }.map(\.templateHeader)
        var text = ""
        try CSVWriter { text += $0 }.row(header)
        // Through OutputFile like every other written file: a link or folder is refused, a FIFO or device written into,
        // a regular file replaced only once the whole template is written.
        let sink = try OutputFile(path: file)
        do {
            try sink.write(text)
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
        if let file, file != "-" { print(TextSanitizer.sanitize("Wrote the import template to \(file).")) }
    }

    private func printMapping(_ mapping: HeaderMapping) {
        let say = { (text: String) in FileHandle.standardError.write(Data((TextSanitizer.sanitize(text) + "\n").utf8)) }
        say("Layout: \(mapping.layout?.rawValue ?? "not recognised (desk field names and --map)")")
        for line in mapping.descriptionLines { say("  \(line)") }
        let unmapped = mapping.unmappedHeaders
        if !unmapped.isEmpty { say("Unmapped columns: \(unmapped.joined(separator: ", "))") }
    }

    private func printSummary(_ summary: ImportSummary) {
        let lines = [summary.headline(dryRun: dryRun)] + summary.details(dryRun: dryRun, rejectsPath: rejects)
        print(lines.map(TextSanitizer.sanitize).joined(separator: "\n"))
    }
}

/// The rejects file: `row,column,reason`, one line per rejected row, written through ``OutputFile``
/// (never replacing a link, a pipe or a device; a full disk is an error, not a crash).
struct RejectsFile {
    private let output: OutputFile
    private let writer: CSVWriter

    init(path: String) throws {
        let output = try OutputFile(path: path)
        self.output = output
        writer = CSVWriter { try output.write($0) }
        try writer.row(["row", "column", "reason"])
    }

    func add(_ problem: RowProblem) throws {
        try writer.row([String(problem.row), problem.column, problem.reason])
    }

    /// Puts the finished file in place.
    func close() throws { try output.commit() }

    /// Drops an unfinished file.
    func discard() { output.discard() }
}

/// A one-line progress bar on stderr, drawn only on a terminal.
struct ProgressLine {
    let enabled: Bool

    func show(_ fraction: Double, _ label: String) {
        guard enabled else { return }
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data(String(format: "\r\u{1B}[2K%@ %3.0f%% %@", bar, fraction * 100, label).utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
