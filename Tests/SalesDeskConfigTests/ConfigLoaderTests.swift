import Foundation
import SalesDeskConfig
import SalesDeskDomain
import Testing

@Suite("The config file")
struct ConfigLoaderTests {
    @Test("no file means every default")
    func missingFile() throws {
        #expect(try ConfigLoader.load(path: "/nonexistent/salesdesk/config.toml") == .standard)
    }

    @Test("settings override the defaults they name and leave the rest")
    func overrides() throws {
        let config = try ConfigLoader.parse("""
            theme = "light"
            default_country_code = "+49"
            default_currency = "eur"

            [pipeline.stall_days]
            negotiation = 21

            [pipeline.names]
            open = "New"

            [tickets]
            warn_at = 0.75

            [tickets.first_response_minutes]
            critical = 15

            [tickets.routing]
            general = "Account Management"

            [business_hours]
            time_zone = "Europe/Berlin"
            monday = "08:30-17:00"
            saturday = "closed"
            holidays = ["2026-12-25"]

            [reminders]
            offsets = ["-30m", "0", "+2d"]
            """, file: "config.toml")
        #expect(config.theme == "light")
        #expect(config.defaultCountryCode == "+49")
        #expect(config.defaultCurrency.rawValue == "EUR")
        #expect(config.pipeline.definition(of: .negotiation)?.stallDays == 21)
        #expect(config.pipeline.definition(of: .connected)?.stallDays == 7)
        #expect(config.pipeline.name(of: .open) == "New")
        #expect(config.ticketRouting.warnAtFraction == 0.75)
        #expect(config.ticketRouting.firstResponseTarget(for: .critical) == 15)
        #expect(config.ticketRouting.firstResponseTarget(for: .normal) == 120)
        #expect(config.ticketRouting.team(for: .general) == "Account Management")
        #expect(config.businessHours.timeZoneID == "Europe/Berlin")
        #expect(config.businessHours.windows[1] == .init(openMinute: 510, closeMinute: 1020))
        #expect(config.businessHours.holidays == ["2026-12-25"])
        #expect(config.reminderPlan.offsets == [-1800, 0, 172_800])
    }

    @Test("a bad value names the file, the line and the key", arguments: [
        ("theme = \"x\"\n\n[tickets]\nwarn_at = 3\n", 4, "tickets.warn_at"),
        ("[pipeline.stall_days]\nopen = 1\nnegotiaton = 9\n", 3, "pipeline.stall_days.negotiaton"),
        ("[business_hours]\ntime_zone = \"Mars/Olympus\"\n", 2, "business_hours.time_zone"),
        ("colour = \"red\"\n", 1, "colour"),
        ("[reminders]\noffsets = [\"soon\"]\n", 2, "reminders.offsets"),
        ("[business_hours]\nmonday = \"17:00-09:00\"\n", 2, "business_hours.monday"),
        ("[business_hours.teams.Support]\ntime_zone = \"UTC\"\n", 2, "business_hours.teams.Support.time_zone"),
        ("[scheduler]\nlease_seconds = 0\n", 2, "scheduler.lease_seconds"),
        ("[scheduler]\nbell = \"yes\"\n", 2, "scheduler.bell"),
        ("[scheduler]\nleese_seconds = 5\n", 2, "scheduler.leese_seconds"),
        ("[reminders.users]\nana = [\"soon\"]\n", 2, "reminders.users.ana"),
        ("[[hooks]]\nname = \"chat\"\n", 1, "hooks.command"),
        ("[[hooks]]\nname = \"chat\"\ncommand = \"true\"\nretry_seconds = -1\n", 4, "hooks.retry_seconds"),
    ])
    func badValues(text: String, line: Int, key: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "/etc/salesdesk.toml")
            Issue.record("expected an error for \(key)")
        } catch {
            #expect(error.file == "/etc/salesdesk.toml")
            #expect(error.line == line)
            #expect(error.key == key)
            #expect(error.description.hasPrefix("/etc/salesdesk.toml:\(line): key '\(key)':"))
        }
    }

    @Test("a syntax error names the file and the line, and never crashes")
    func syntaxError() {
        do {
            _ = try ConfigLoader.parse("theme = \"light\"\n[tickets\nwarn_at = 0.5\n", file: "config.toml")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("TOML syntax error"))
        }
    }

    @Test("a file that is not UTF-8 is refused with its name")
    func notUTF8() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).toml").path
        try Data([0x74, 0x68, 0xFF, 0xFE, 0x3D]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigError(file: path, line: nil, key: nil, message: "is not UTF-8 text")) { try ConfigLoader.load(path: path) }
    }
}
