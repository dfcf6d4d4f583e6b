import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// What the command line writes: error messages, files it may not replace, consent, JSON shapes, fixed option values.
extension ImportExportCLITests {
    private static func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test("an escape sequence in a CSV header never reaches the terminal through the error message")
    func headerEscapesAreSanitised() throws {
        let path = try file("hostile.csv", "\u{1B}]52;c;ZXZpbA==\u{07},\u{1B}[2J\nx,y\n")
        let result = try run("import", path, "--as", "admin")
        #expect(result.status != 0)
        #expect(result.stderr.contains("no column maps to a name"))
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(!result.stderr.contains("\u{07}"))
    }

    @Test("--rejects and export -o never replace a symbolic link")
    func symlinksAreNotReplaced() throws {
        let target = try file("precious.txt", "keep me\n")
        let link = temporary.directory.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let export = try run("export", "leads", "-o", link)
        #expect(export.status != 0)
        #expect(export.stderr.contains("is a symbolic link"))
        let path = try file("rows.csv", "Name,Email\nAna,not-mail\n")
        let imported = try run("import", path, "--as", "admin", "--rejects", link)
        #expect(imported.status != 0)
        #expect(Self.fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
    }

    @Test("export to a terminal shows escape sequences from stored names as symbols; to a file it keeps them exact")
    func exportToTerminalIsSanitised() throws {
        let hostile = "Eve \u{1B}]52;c;ZXZpbA==\u{07} Smith"
        try temporary.database.writer.write { db in
            try db.execute(sql: "UPDATE contact SET name = ? WHERE id = (SELECT contact_id FROM lead ORDER BY id LIMIT 1)", arguments: [hostile])
        }
        let binary = try #require(BuiltBinary.path)
        // `script` gives the export a pseudo-terminal as stdout, as a user's shell would.
        let terminal = try ChildProcess(executable: "/usr/bin/script", arguments: ["-qec", "'\(binary)' export leads", "/dev/null"],
                                        environment: ProcessInfo.processInfo.environment.merging(demo.environment) { $1 }).finish()
        #expect(terminal.status == 0, "\(terminal.stderr)")
        #expect(terminal.stdout.contains("Eve "))
        #expect(!terminal.stdout.contains("\u{1B}]52"))
        let path = temporary.directory.appendingPathComponent("exact.csv").path
        #expect(try run("export", "leads", "-o", path).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(hostile))
    }

    @Test("export on a full disk or over a file size limit fails with a message, a non-zero exit and no partial file")
    func fullDiskIsAMessage() throws {
        let binary = try #require(BuiltBinary.path)
        let environment = ProcessInfo.processInfo.environment.merging(demo.environment) { $1 }
        let full = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "'\(binary)' export leads > /dev/full"], environment: environment).finish()
        #expect(full.status == 1, "\(full.stderr)")
        #expect(full.stderr.contains("cannot write standard output: No space left on device"))
        let path = temporary.directory.appendingPathComponent("limited.csv").path
        let limited = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "ulimit -f 2; '\(binary)' export leads -o '\(path)'"], environment: environment).finish()
        #expect(limited.status == 1, "\(limited.stderr)")
        #expect(limited.stderr.contains("cannot write \(path): File too large; \(path) was left as it was, with no partial output."))
        #expect(!FileManager.default.fileExists(atPath: path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.directory.path).filter { $0.contains(".salesdesk-") }
        #expect(leftovers.isEmpty)
    }

    @Test("export -o into a FIFO writes into the pipe and leaves it a FIFO")
    func fifoIsStreamedInto() throws {
        let fifo = temporary.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = try ChildProcess(executable: "/bin/cat", arguments: [fifo], environment: ProcessInfo.processInfo.environment)
        let export = try run("export", "leads", "-o", fifo)
        // Should the export have failed before opening the pipe, this releases the waiting reader.
        let release = open(fifo, O_WRONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        let read = try reader.finish()
        #expect(export.status == 0, "\(export.stderr)")
        #expect(read.stdout.hasPrefix("External ID,Name,"))
        #expect(Self.fileType(fifo) == S_IFIFO)
    }

    @Test("export -o over a regular file replaces it whole")
    func regularFileIsReplaced() throws {
        let path = try file("old.csv", "old contents that are longer than nothing\n")
        let export = try run("export", "tickets", "-o", path)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("Number,Subject,"))
    }

    @Test("consent flags show in lead show, its JSON and contact show")
    func consentIsShown() throws {
        let path = try file("salesforce.csv", """
            Id,FirstName,LastName,Company,Email,Phone,DoNotCall,HasOptedOutOfEmail
            00QCLI1,Ana,Silva,Consent Co,ana@consent-cli.com,+1 415 555 0199,true,false
            """)
        #expect(try run("import", path, "--as", "admin").status == 0)
        let leadID = try #require(try temporary.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM lead WHERE external_id = '00QCLI1'") })
        let contactID = try #require(try temporary.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT contact_id FROM lead WHERE id = ?", arguments: [leadID]) })
        let text = try run("lead", "show", String(leadID))
        #expect(text.stdout.contains("consent: Do not call"))
        let json = try run("lead", "show", String(leadID), "--json")
        #expect(json.stdout.contains("\"doNotCall\" : true"))
        #expect(json.stdout.contains("\"emailOptOut\" : false"))
        let contact = try run("contact", "show", String(contactID), "--json")
        #expect(contact.status == 0, "\(contact.stderr)")
        #expect(contact.stdout.contains("\"doNotCall\" : true"))
    }

    @Test("no --json output of any verb leaks Swift enum coding such as _0")
    func jsonHasNoEnumLeaks() throws {
        let leadID = try #require(try temporary.database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT lead.id FROM lead JOIN activity ON activity.record_kind = 'lead' AND activity.record_id = lead.id WHERE lead.stage = 'lost' LIMIT 1")
                ?? Int64.fetchOne(db, sql: "SELECT record_id FROM activity WHERE record_kind = 'lead' LIMIT 1")
        })
        let ticket = try #require(try temporary.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM ticket LIMIT 1") })
        let verbs: [[String]] = [
            ["lead", "list", "--json", "--limit", "20"], ["lead", "show", String(leadID), "--json"], ["ticket", "list", "--json"],
            ["ticket", "show", String(ticket), "--json"], ["followup", "list", "--json", "--as", "ana"], ["agenda", "--json", "--as", "ana"], ["users", "list", "--json"],
            ["audit", "log", "--json", "--limit", "50"], ["scheduler", "status", "--json"], ["export", "leads", "--format", "json"],
        ]
        for verb in verbs {
            let result = try demo.run(verb)
            #expect(result.status == 0, "\(verb.joined(separator: " ")): \(result.stderr)")
            #expect(!result.stdout.contains("\"_0\""), "\(verb.joined(separator: " ")) leaks Swift enum coding")
            #expect(!result.stdout.isEmpty, "\(verb.joined(separator: " ")) printed nothing")
        }
    }

    @Test("options with a fixed set of values list them in --help and refuse others", arguments: [
        (["lead", "list"], "--sort", "staleness, value, score, newest, name"),
        (["import"], "--on-duplicate", "skip, merge, create"),
        (["export"], "--format", "csv, json"),
        (["export"], "<what>", "leads, tickets, activities, agenda"),
        (["demo"], "--size", "small, 100k, 1m"),
        (["users", "add"], "--role", "rep, support, manager, admin"),
    ])
    func fixedValuesAreListed(command: [String], option: String, values: String) throws {
        let help = try demo.run(command + ["--help"])
        #expect(help.status == 0)
        // --help wraps its lines: compare with the whitespace folded.
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("\(option)") && flat.contains("values: \(values)"), "\(help.stdout)")
    }

    @Test("an unknown value for a fixed option is an error that names the option")
    func unknownValueIsRefused() throws {
        let result = try run("lead", "list", "--sort", "bogus")
        #expect(result.status != 0)
        #expect(result.stderr.contains("--sort"))
    }

    @Test("salesdesk-bench --help prints its usage and exits at once; an unknown flag is an error")
    func benchHelp() throws {
        let salesdesk = try #require(BuiltBinary.path)
        let bench = (salesdesk as NSString).deletingLastPathComponent + "/salesdesk-bench"
        let help = try ChildProcess(executable: bench, arguments: ["--help"], environment: ProcessInfo.processInfo.environment).finish()
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: salesdesk-bench"))
        let unknown = try ChildProcess(executable: bench, arguments: ["--sise", "small"], environment: ProcessInfo.processInfo.environment).finish()
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown argument '--sise'"))
    }
}
