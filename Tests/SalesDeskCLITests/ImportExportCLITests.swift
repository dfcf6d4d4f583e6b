import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

/// `salesdesk import` and `salesdesk export` through the built binary.
@Suite("Importing and exporting from the command line", .serialized)
struct ImportExportCLITests {
    let demo: DemoCommandLine
    var temporary: TemporaryDatabase { demo.temporary }

    /// Batches of 1,000 rows, so the kill test sees several commits.
    init() throws {
        demo = try DemoCommandLine(config: "[import]\nbatch_size = 1000\n")
    }

    func run(_ arguments: String...) throws -> BuiltBinary.Result {
        try demo.run(arguments)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = temporary.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func count(_ sql: String) throws -> Int {
        try temporary.database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    @Test("import --template prints the template's header row")
    func template() throws {
        let result = try run("import", "--template")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Name,First Name,Last Name,Email,Phone,Job Title,Company,Deal Title,Source,Owner,Stage,Status,Loss Reason,"))
    }

    @Test("import --template FILE never replaces a symbolic link: it is refused and its target is unchanged")
    func templateRefusesALink() throws {
        let target = try file("precious.txt", "keep me")
        let link = temporary.directory.appendingPathComponent("template-link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let result = try run("import", "--template", link)
        #expect(result.status != 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == target, "the link is still a link")
    }

    @Test("a HubSpot export imports without --map: the mapping, the summary and the rejects file say what happened; no progress bar in a pipe")
    func hubspot() throws {
        let path = try file("hubspot.csv", """
            Record ID,First Name,Last Name,Email,Phone Number,Job Title,Company Name,Lead Status,Contact owner,Original Source,Favourite Colour\r
            1,Jo,Buyer,jo@buyer-cli.com,+1 555 010 2030,CEO,Buyer Co,Open Deal,kenji,Organic Search,blue\r
            2,Bad,Mail,nope,,,,,,,red\r
            3,Jo,Again,JO@BUYER-CLI.COM,,,,,,,\r
            """)
        let rejects = temporary.directory.appendingPathComponent("rejects.csv").path
        let result = try run("import", path, "--as", "admin", "--rejects", rejects)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Layout: HubSpot contacts"))
        #expect(result.stderr.contains("Unmapped columns: Favourite Colour"))
        #expect(!result.stderr.contains("\u{1B}["))
        #expect(result.stdout.contains("3 rows read, 1 imported, 0 merged, 1 skipped as duplicates, 1 rejected."))
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "row,column,reason\r\n3,Email,'nope' is not a valid email address\r\n")
        #expect(try count("SELECT COUNT(*) FROM lead JOIN contact ON contact.id = contact_id WHERE contact.email = 'jo@buyer-cli.com' AND stage = 'connected'") == 1)
    }

    @Test("an empty file and a file that is not text fail with a clear message and write nothing")
    func badFiles() throws {
        let before = try count("SELECT COUNT(*) FROM lead")
        let empty = try run("import", try file("empty.csv", ""), "--as", "admin")
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("empty.csv is empty: there is no header row"))
        let binary = temporary.directory.appendingPathComponent("garbage.csv").path
        try Data([0xFF, 0xFE, 0x00, 0x01, 0x0A, 0x80, 0x81]).write(to: URL(fileURLWithPath: binary))
        let garbage = try run("import", binary, "--as", "admin")
        #expect(garbage.status != 0)
        #expect(garbage.stderr.contains("does not look like CSV text: the header row has bytes that are not UTF-8 text"))
        #expect(try count("SELECT COUNT(*) FROM lead") == before)
    }

    @Test("an unterminated quote imports the rows before it, prints the summary, and exits non-zero naming the row")
    func unterminatedQuote() throws {
        let path = try file("quote.csv", "Name,Email\nAna Quote,ana@quote.example\nBob,\"open\nCara,cara@quote.example\n")
        let result = try run("import", path, "--as", "admin")
        #expect(result.status == 1)
        #expect(result.stdout.contains("1 row read, 1 imported, 0 merged, 0 skipped as duplicates, 0 rejected."))
        #expect(result.stderr.contains("quote.csv: row 3 opens a quoted field that is never closed; the rows before it were imported, rows from 3 on were not read"))
        #expect(try count("SELECT COUNT(*) FROM contact WHERE email = 'ana@quote.example'") == 1)
    }

    @Test("kill -9 mid-import leaves a sound file with whole batches; re-running with skip completes to exactly the file's rows")
    func killedMidImport() throws {
        let rows = 40_000
        let path = temporary.directory.appendingPathComponent("big.csv").path
        try DemoLeadCSV(count: rows, seed: 7).write(to: path)
        let before = try count("SELECT COUNT(*) FROM lead")
        let child = try BuiltBinary.start(["import", path, "--as", "admin"], environment: demo.environment)
        var committed = 0
        for _ in 0..<600 where committed < 3_000 {
            usleep(50_000)
            committed = (try? count("SELECT COALESCE(MAX(rows_done), 0) FROM import_run")) ?? 0
        }
        kill(child.pid, SIGKILL)
        let killed = child.finish()
        #expect(killed.status == 128 + SIGKILL, "the import finished before it could be killed: \(killed.stdout)")
        let problems = try StoreSoundness.problems(in: temporary.database)
        #expect(problems == [], "integrity, foreign keys, audit chain, board totals: \(problems)")
        let done = try count("SELECT rows_done FROM import_run")
        #expect(done % 1000 == 0)
        #expect(try count("SELECT COUNT(*) FROM lead") - before == done)
        let rerun = try run("import", path, "--as", "admin")
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try count("SELECT COUNT(*) FROM lead") - before == rows)
        #expect(try count("SELECT COUNT(*) FROM import_run WHERE finished_at IS NOT NULL") == 1)
        #expect(try StoreSoundness.problems(in: temporary.database) == [])
    }

    @Test("on a terminal the import draws a progress bar and clears it before the summary", .enabled(if: TmuxSession.isAvailable))
    func progressOnTerminal() throws {
        let path = temporary.directory.appendingPathComponent("tty.csv").path
        try DemoLeadCSV(count: 20_000, seed: 9).write(to: path)
        let binary = try #require(BuiltBinary.path)
        let environment = demo.environment.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        let tmux = try TmuxSession(command: "\(environment) \(binary) import \(path) --as admin; echo IMPORT-EXITED; sleep 60")
        let during = try tmux.waitFor("░", seconds: 60)
        #expect(during.contains("░"))
        #expect(during.contains(" rows"))
        let after = try tmux.waitFor("IMPORT-EXITED", seconds: 120)
        #expect(after.contains("20,000 rows read, 20,000 imported, 0 merged, 0 skipped as duplicates, 0 rejected."))
        #expect(!after.contains("░"))
    }

    @Test("export agenda --ics is a valid RFC 5545 feed with one event per planned follow-up")
    func agendaFeed() throws {
        let ana = try #require(try temporary.database.user(handle: "ana"))
        _ = try temporary.database.createLead(NewLead(
            contactName: "Zoë; \"Comma, Inc\" \\ Ünïcödé — a very long name that forces folding across several lines of the feed",
            ownerID: ana.id!, firstFollowUp: NewFollowUp(type: .call, subject: "Call; then, write\nback", dueAt: temporary.clock.date)), by: ana)
        let result = try run("export", "agenda", "--ics", "--as", "ana")
        #expect(result.status == 0, "\(result.stderr)")
        let reader = StrictICalendarReader(result.stdout)
        #expect(reader.problems == [])
        let planned = try count("SELECT COUNT(*) FROM activity WHERE owner_id = \(ana.id!) AND state = 'planned'")
        #expect(reader.events.count == planned)
        #expect(reader.events.contains { $0["SUMMARY"]?.hasPrefix("Call: Call\\; then\\, write\\nback") == true })
        let again = StrictICalendarReader(try run("export", "agenda", "--ics", "--as", "ana").stdout)
        #expect(again.events.map { $0["UID"] } == reader.events.map { $0["UID"] })
    }

    @Test("exported CSV cells that a spreadsheet would run as formulas are escaped")
    func formulaCells() throws {
        let ana = try #require(try temporary.database.user(handle: "ana"))
        _ = try temporary.database.createLead(NewLead(contactName: "=HYPERLINK(\"http://evil\")", company: "@Evil", dealTitle: "+SUM(1)", ownerID: ana.id!), by: ana)
        let result = try run("export", "leads", "--owner", "ana", "--format", "csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#","'=HYPERLINK(""http://evil"")",,,,'@Evil,'+SUM(1),"#))
        let json = try run("export", "leads", "--owner", "ana", "--format", "json")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(objects.contains { $0["Name"] == "=HYPERLINK(\"http://evil\")" })
    }
}
