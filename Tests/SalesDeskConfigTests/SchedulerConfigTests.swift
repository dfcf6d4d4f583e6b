import Foundation
import SalesDeskConfig
import SalesDeskDomain
import Testing

@Suite("Scheduler settings in the config file")
struct SchedulerConfigTests {
    @Test("scheduler timings, per-user reminder offsets and hooks are read with their units")
    func readsEverything() throws {
        let config = try ConfigLoader.parse("""
            [scheduler]
            lease_seconds = 120
            overdue_escalation_hours = 48
            catch_up_minutes = 30
            heartbeat_stale_minutes = 10
            change_check_seconds = 2
            bell = true

            [reminders.users]
            ana = ["-30m", "0"]

            [[hooks]]
            name = "desktop"
            command = "notify-send \\"$SALESDESK_NOTIFICATION_TITLE\\""

            [[hooks]]
            name = "chat"
            command = "curl -s -d @- https://chat.example.com/hook"
            max_attempts = 3
            retry_seconds = 10
            timeout_seconds = 5
            """, file: "config.toml")
        let settings = config.scheduler
        #expect(settings.leaseSeconds == 120)
        #expect(settings.overdueEscalationSeconds == 48 * 3600)
        #expect(settings.catchUpAfterSeconds == 1800)
        #expect(settings.heartbeatStaleSeconds == 600)
        #expect(settings.changeCheckSeconds == 2)
        #expect(settings.bell)
        #expect(config.reminderPlan(forHandle: "Ana") == ReminderPlan(offsets: [-1800, 0]))
        #expect(config.reminderPlan(forHandle: "kenji") == .standard)
        #expect(settings.hooks == [
            NotificationHook(name: "desktop", command: "notify-send \"$SALESDESK_NOTIFICATION_TITLE\""),
            NotificationHook(name: "chat", command: "curl -s -d @- https://chat.example.com/hook", maxAttempts: 3, retrySeconds: 10, timeoutSeconds: 5),
        ])
    }

    @Test("a team's own calendar starts from the shared hours, overrides what it names, and runs in the team's time zone")
    func teamCalendar() throws {
        let config = try ConfigLoader.parse("""
            [business_hours]
            monday = "08:00-16:00"

            [business_hours.teams."Customer Success"]
            saturday = "10:00-14:00"
            holidays = ["2026-12-24"]
            """, file: "config.toml")
        let team = config.businessHours(forTeam: "customer success", timeZone: "Europe/Berlin")
        #expect(team.timeZoneID == "Europe/Berlin")
        #expect(team.windows[1] == .init(openMinute: 8 * 60, closeMinute: 16 * 60))
        #expect(team.windows[6] == .init(openMinute: 10 * 60, closeMinute: 14 * 60))
        #expect(team.holidays == ["2026-12-24"])
        let other = config.businessHours(forTeam: "Development", timeZone: "UTC")
        #expect(other.windows[6] == nil)
        #expect(other.holidays.isEmpty)
    }

    @Test("no scheduler settings means the defaults: 60 s lease, 1 day escalation, 15 min catch-up, no hooks")
    func defaults() throws {
        let settings = try ConfigLoader.parse("theme = \"light\"\n", file: "config.toml").scheduler
        #expect(settings == .standard)
        #expect(settings.leaseSeconds == 60)
        #expect(settings.overdueEscalationSeconds == 86_400)
        #expect(settings.catchUpAfterSeconds == 900)
    }
}
