import Foundation
import SalesDeskDomain
import TOMLKit

/// Walks a parsed config table, turning each value into domain settings or a located ``ConfigError``.
struct ConfigReader {
    let table: TOMLTable
    let locator: TOMLKeyLocator
    let file: String

    func configuration() throws -> DeskConfiguration {
        try refuseUnknownKeys(table, prefix: "", allowed: [
            "theme", "default_country_code", "default_currency", "database_group", "pipeline", "tickets", "business_hours", "reminders",
            "scheduler", "hooks", "import",
        ])
        var config = DeskConfiguration.standard
        if let theme = try string("theme", in: table) { config.theme = theme }
        if let group = try string("database_group", in: table) {
            guard !group.isEmpty, group.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
                throw fail("database_group", "'\(group)' is not a group name")
            }
            config.databaseGroup = group
        }
        if let code = try string("default_country_code", in: table) {
            guard code.hasPrefix("+"), code.dropFirst().allSatisfy(\.isNumber), (2...4).contains(code.count) else {
                throw fail("default_country_code", "must look like +1 or +49")
            }
            config.defaultCountryCode = code
        }
        if let currency = try string("default_currency", in: table) {
            guard let code = CurrencyCode(rawValue: currency) else { throw fail("default_currency", "'\(currency)' is not a three-letter currency code") }
            config.defaultCurrency = code
        }
        if let pipeline = try subtable("pipeline", in: table) { config.pipeline = try readPipeline(pipeline) }
        if let tickets = try subtable("tickets", in: table) { config.ticketRouting = try readTickets(tickets) }
        if let hours = try subtable("business_hours", in: table) {
            config.businessHours = try readBusinessHours(hours)
            config.teamBusinessHours = try readTeamBusinessHours(hours, base: config.businessHours)
        }
        if let reminders = try subtable("reminders", in: table) {
            config.reminderPlan = try readReminders(reminders)
            config.scheduler.reminderPlans = try readUserReminders(reminders)
        }
        try readSchedulerSettings(into: &config.scheduler)
        if let importing = try subtable("import", in: table) { config.importing = try readImport(importing) }
        return config
    }

    private func readPipeline(_ pipelineTable: TOMLTable) throws -> Pipeline {
        try refuseUnknownKeys(pipelineTable, prefix: "pipeline.", allowed: ["stall_days", "win_probability", "names", "hold_stage"])
        var pipeline = Pipeline.standard
        for (setting, apply) in [
            ("stall_days", { (stage: inout StageDefinition, value: Int) in stage.stallDays = value }),
            ("win_probability", { (stage: inout StageDefinition, value: Int) in stage.winProbability = value }),
        ] {
            guard let overrides = try subtable(setting, in: pipelineTable, at: "pipeline.") else { continue }
            for key in overrides.keys {
                let path = "pipeline.\(setting).\(key)"
                guard let index = pipeline.openStages.firstIndex(where: { $0.key.rawValue == key }) else {
                    throw fail(path, "'\(key)' is not a stage; stages: \(pipeline.openStages.map(\.key.rawValue).joined(separator: ", "))")
                }
                guard let value = overrides[key]?.int else { throw fail(path, "must be a whole number") }
                apply(&pipeline.openStages[index], value)
            }
        }
        if let names = try subtable("names", in: pipelineTable, at: "pipeline.") {
            for key in names.keys {
                guard let index = pipeline.openStages.firstIndex(where: { $0.key.rawValue == key }) else {
                    throw fail("pipeline.names.\(key)", "'\(key)' is not a stage")
                }
                guard let name = names[key]?.string, !name.isEmpty else { throw fail("pipeline.names.\(key)", "must be a non-empty string") }
                pipeline.openStages[index].name = name
            }
        }
        if let hold = try string("hold_stage", in: pipelineTable, at: "pipeline.") { pipeline.holdStage = StageKey(rawValue: hold) }
        do {
            try pipeline.validate()
        } catch {
            throw fail("pipeline", error.description)
        }
        return pipeline
    }

    private func readTickets(_ tickets: TOMLTable) throws -> TicketRouting {
        try refuseUnknownKeys(tickets, prefix: "tickets.", allowed: ["routing", "first_response_minutes", "warn_at", "untriaged_alert_minutes"])
        var routing = TicketRouting.standard
        if let teams = try subtable("routing", in: tickets, at: "tickets.") {
            for key in teams.keys {
                guard let category = TicketCategory(rawValue: key) else {
                    throw fail("tickets.routing.\(key)", "'\(key)' is not a category; categories: \(TicketCategory.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let team = teams[key]?.string, !team.isEmpty else { throw fail("tickets.routing.\(key)", "must be a team name") }
                routing.teamByCategory[category] = team
            }
        }
        if let targets = try subtable("first_response_minutes", in: tickets, at: "tickets.") {
            for key in targets.keys {
                guard let priority = TicketPriority(rawValue: key) else { throw fail("tickets.first_response_minutes.\(key)", "'\(key)' is not a priority (normal, high, critical)") }
                guard let minutes = targets[key]?.int, minutes > 0 else { throw fail("tickets.first_response_minutes.\(key)", "must be a positive whole number of minutes") }
                routing.firstResponseMinutes[priority] = minutes
            }
        }
        if let warn = tickets["warn_at"] {
            guard let fraction = warn.double ?? warn.int.map(Double.init), fraction > 0, fraction < 1 else {
                throw fail("tickets.warn_at", "must be a number between 0 and 1, e.g. 0.8")
            }
            routing.warnAtFraction = fraction
        }
        if let alert = tickets["untriaged_alert_minutes"] {
            guard let minutes = alert.int, minutes > 0 else { throw fail("tickets.untriaged_alert_minutes", "must be a positive whole number") }
            routing.untriagedAlertMinutes = minutes
        }
        return routing
    }

    /// `[business_hours]`, or a team's `[business_hours.teams."NAME"]` (which has no `time_zone` or `teams`:
    /// a team's calendar runs in the team's own time zone).
    func readBusinessHours(_ hours: TOMLTable, prefix: String = "business_hours.", base: BusinessHours = .standard) throws -> BusinessHours {
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let isTeam = prefix != "business_hours."
        try refuseUnknownKeys(hours, prefix: prefix, allowed: Set(days + ["holidays"] + (isTeam ? [] : ["time_zone", "teams"])))
        var result = base
        if let zone = try string("time_zone", in: hours, at: prefix) {
            guard TimeZone(identifier: zone) != nil else { throw fail(prefix + "time_zone", "'\(zone)' is not a time zone (e.g. Europe/Berlin)") }
            result.timeZoneID = zone
        }
        for (index, day) in days.enumerated() {
            guard let text = try string(day, in: hours, at: prefix) else { continue }
            let key = prefix + day
            if text == "closed" { result.windows[index + 1] = nil; continue }
            let bounds = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard bounds.count == 2, let open = minutes(bounds[0]), let close = minutes(bounds[1]), open < close else {
                throw fail(key, "must be \"HH:MM-HH:MM\" (e.g. \"09:00-17:00\") or \"closed\"")
            }
            result.windows[index + 1] = .init(openMinute: open, closeMinute: close)
        }
        if let holidays = hours["holidays"] {
            guard let array = holidays.array else { throw fail(prefix + "holidays", "must be a list of dates like [\"2026-12-25\"]") }
            var dates = Set<String>()
            for item in array {
                guard let text = item.string ?? item.date.map({ String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) }),
                      text.count == 10, text.split(separator: "-").count == 3 else {
                    throw fail(prefix + "holidays", "must hold dates like \"2026-12-25\"")
                }
                dates.insert(text)
            }
            result.holidays = dates
        }
        return result
    }

    private func readReminders(_ reminders: TOMLTable) throws -> ReminderPlan {
        try refuseUnknownKeys(reminders, prefix: "reminders.", allowed: ["offsets", "users"])
        guard let array = reminders["offsets"] else { return .standard }
        return try readOffsets(array, key: "reminders.offsets")
    }

    /// A list of offsets such as `["-1h", "0", "+1d"]`.
    func readOffsets(_ value: TOMLValueConvertible, key: String) throws -> ReminderPlan {
        guard let array = value.array else { throw fail(key, "must be a list like [\"-1h\", \"0\", \"+1d\"]") }
        var offsets: [TimeInterval] = []
        for item in array {
            guard let text = item.string, let offset = Self.parseOffset(text) else {
                throw fail(key, "entries must look like \"-1h\", \"0\", \"+30m\" or \"+1d\"")
            }
            offsets.append(offset)
        }
        guard !offsets.isEmpty else { throw fail(key, "needs at least one offset") }
        return ReminderPlan(offsets: offsets)
    }

    /// `-1h` → −3600, `+1d` → 86 400, `0` → 0, `-30m` → −1800.
    static func parseOffset(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "0" { return 0 }
        guard let unit = trimmed.last, let amount = Double(trimmed.dropLast()) else { return nil }
        switch unit {
        case "m": return amount * 60
        case "h": return amount * 3600
        case "d": return amount * 86_400
        default: return nil
        }
    }

    private func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute) else { return nil }
        let total = hour * 60 + minute
        return total <= 24 * 60 ? total : nil
    }

    func string(_ key: String, in table: TOMLTable, at prefix: String = "") throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw fail(prefix + key, "must be a string in quotes") }
        return text
    }

    func subtable(_ key: String, in table: TOMLTable, at prefix: String = "") throws -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let sub = value.table else { throw fail(prefix + key, "must be a table ([\(prefix + key)])") }
        return sub
    }

    func refuseUnknownKeys(_ table: TOMLTable, prefix: String, allowed: Set<String>) throws {
        for key in table.keys where !allowed.contains(key) {
            throw fail(prefix + key, "unknown setting; known here: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func fail(_ key: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: locator.line(of: key), key: key, message: message)
    }
}
