import Foundation
import SalesDeskDomain
import TOMLKit

/// The scheduler's settings: `[scheduler]`, `[reminders.users]` and `[[hooks]]`.
extension ConfigReader {
    /// Per-user reminder offsets: `[reminders.users]` `ana = ["-30m", "0"]`.
    func readUserReminders(_ reminders: TOMLTable) throws -> [String: ReminderPlan] {
        guard let users = try subtable("users", in: reminders, at: "reminders.") else { return [:] }
        var plans: [String: ReminderPlan] = [:]
        for handle in users.keys {
            plans[handle.lowercased()] = try readOffsets(users[handle]!, key: "reminders.users.\(handle)")
        }
        return plans
    }

    /// Per-team calendars: `[business_hours.teams."Customer Success"]`, each starting from the shared
    /// `[business_hours]` and overriding the days and holidays it names.
    func readTeamBusinessHours(_ hours: TOMLTable, base: BusinessHours) throws -> [String: BusinessHours] {
        guard let teams = try subtable("teams", in: hours, at: "business_hours.") else { return [:] }
        var calendars: [String: BusinessHours] = [:]
        for name in teams.keys {
            let prefix = "business_hours.teams.\(name)."
            guard let team = teams[name]?.table else { throw fail("business_hours.teams.\(name)", "must be a table ([business_hours.teams.\"\(name)\"])") }
            calendars[name.lowercased()] = try readBusinessHours(team, prefix: prefix, base: base)
        }
        return calendars
    }

    /// `[scheduler]` timings and `[[hooks]]` commands.
    func readSchedulerSettings(into settings: inout SchedulerSettings) throws {
        if let scheduler = try subtable("scheduler", in: table) {
            let seconds: [(String, TimeInterval, WritableKeyPath<SchedulerSettings, TimeInterval>)] = [
                ("lease_seconds", 1, \.leaseSeconds),
                ("overdue_escalation_hours", 3600, \.overdueEscalationSeconds),
                ("catch_up_minutes", 60, \.catchUpAfterSeconds),
                ("heartbeat_stale_minutes", 60, \.heartbeatStaleSeconds),
                ("change_check_seconds", 1, \.changeCheckSeconds),
            ]
            try refuseUnknownKeys(scheduler, prefix: "scheduler.", allowed: Set(seconds.map(\.0) + ["bell"]))
            for (key, unit, path) in seconds {
                guard let value = scheduler[key] else { continue }
                guard let number = value.int, number > 0 else { throw fail("scheduler.\(key)", "must be a positive whole number") }
                settings[keyPath: path] = TimeInterval(number) * unit
            }
            if let bell = scheduler["bell"] {
                guard let flag = bell.bool else { throw fail("scheduler.bell", "must be true or false") }
                settings.bell = flag
            }
        }
        if let hooks = table["hooks"] {
            guard let array = hooks.array else { throw fail("hooks", "must be a list of [[hooks]] tables") }
            settings.hooks = try array.map(readHook)
            let names = settings.hooks.map(\.name)
            if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
                throw fail("hooks.name", "'\(duplicate)' is used by two hooks; names must be unique")
            }
        }
    }

    private func readHook(_ value: TOMLValueConvertible) throws -> NotificationHook {
        guard let hook = value.table else { throw fail("hooks", "must be a list of [[hooks]] tables") }
        try refuseUnknownKeys(hook, prefix: "hooks.", allowed: ["name", "command", "max_attempts", "retry_seconds", "timeout_seconds"])
        guard let name = hook["name"]?.string, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw fail("hooks.name", "each hook needs a name of letters, digits, - or _")
        }
        guard let command = hook["command"]?.string, !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail("hooks.command", "hook '\(name)' needs a command, run with /bin/sh -c")
        }
        var result = NotificationHook(name: name, command: command)
        for (key, path) in [("max_attempts", \NotificationHook.maxAttempts)] {
            guard let value = hook[key] else { continue }
            guard let number = value.int, (1...100).contains(number) else { throw fail("hooks.\(key)", "hook '\(name)': must be between 1 and 100") }
            result[keyPath: path] = number
        }
        for (key, path) in [("retry_seconds", \NotificationHook.retrySeconds), ("timeout_seconds", \NotificationHook.timeoutSeconds)] {
            guard let value = hook[key] else { continue }
            guard let number = value.int, number > 0 else { throw fail("hooks.\(key)", "hook '\(name)': must be a positive whole number of seconds") }
            result[keyPath: path] = TimeInterval(number)
        }
        return result
    }
}
