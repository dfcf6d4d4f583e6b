import Foundation
import SalesDeskApp
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("The scheduler inside the desk")
struct DeskSchedulingTests {
    @Test("on launch the desk catches up and shows the user's while-you-were-away digest in the status line")
    func digestOnLaunch() throws {
        let harness = try DeskHarness { desk in
            try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Missed call", dueAt: utc(2026, 11, 20, 12)), by: desk.rep)
        }
        harness.runtime.attachScheduler(DeskScheduling(database: harness.desk.database, now: harness.desk.clock.now))
        harness.runtime.tick()
        #expect(harness.screen.contains("While you were away: 2 reminders (see the inbox)"))
        #expect(try harness.desk.count("notification", where: "kind = 'digest' AND user_id = \(harness.desk.rep.id!)") == 1)
    }

    @Test("the first frame is drawn before the launch catch-up, keys are answered while it runs, and its digest shows when it ends")
    func firstFrameBeforeCatchUp() throws {
        let harness = try DeskHarness { desk in
            try DeskHarness.standardSeed(desk)
            for hour in 0..<30 {
                try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Missed \(hour)", dueAt: utc(2026, 11, 19, hour % 24)), by: desk.rep)
            }
        }
        harness.runtime.attachScheduler(DeskScheduling(database: harness.desk.database, now: harness.desk.clock.now))
        #expect(try harness.desk.count("notification", where: "kind = 'digest'") == 0, "attaching does not catch up yet")
        harness.terminal.send([.key(.character("2"))])
        let terminal = harness.terminal
        let giveUp = Date().addingTimeInterval(20)
        var quitSent = false
        terminal.whenIdle = {
            guard !quitSent else { return [] }
            let digestShown = terminal.presented.last?.text.contains("While you were away") == true
            quitSent = digestShown || Date() > giveUp
            return quitSent ? [.key(.ctrl("c"))] : []
        }
        harness.runtime.run()
        let frames = terminal.presented.map(\.text)
        #expect(frames.first?.contains("My Agenda —") == true, "the first frame is the desk")
        #expect(frames.first?.contains("While you were away") == false, "drawn before the catch-up ran")
        let leads = try #require(frames.firstIndex { $0.contains("New to contact") }, "the key was answered")
        let digest = try #require(frames.firstIndex { $0.contains("While you were away") }, "then the catch-up's digest shows")
        #expect(leads < digest, "the key did not wait for the catch-up")
        #expect(try harness.desk.count("notification", where: "kind = 'digest' AND user_id = \(harness.desk.rep.id!)") == 1)
    }

    @Test("the warning that no scheduler ever ran, looked up before the catch-up beat, is looked up again when it ends")
    func warningLookedUpAgainAfterCatchUp() throws {
        let harness = try DeskHarness()
        let scheduling = DeskScheduling(database: harness.desk.database, now: harness.desk.clock.now)
        #expect(scheduling.staleWarning()?.contains("No scheduler has ever run") == true)
        scheduling.startCatchUp()
        scheduling.waitForPasses()
        #expect(scheduling.takeNews().catchUpFinished)
        #expect(scheduling.staleWarning() != nil, "within the minute the last answer stands")
        #expect(scheduling.staleWarning(fresh: true) == nil, "the catch-up's passes beat")
        #expect(scheduling.staleWarning() == nil)
    }

    @Test("an idle tick fires a reminder once it is due, and only then")
    func tickFiresDueWork() throws {
        let harness = try DeskHarness { desk in
            try desk.database.scheduleFollowUp(NewFollowUp(type: .call, subject: "Call Jo", dueAt: utc(2026, 11, 23, 11, 30)), by: desk.rep)
        }
        harness.runtime.attachScheduler(DeskScheduling(database: harness.desk.database, now: harness.desk.clock.now))
        harness.desk.clock.set(utc(2026, 11, 23, 10, 29, 59))
        harness.runtime.tick()
        #expect(try harness.desk.count("notification", where: "kind = 'reminder'") == 0)
        harness.desk.clock.set(utc(2026, 11, 23, 10, 30))
        harness.runtime.tick()
        harness.runtime.tick()
        #expect(try harness.desk.count("notification", where: "kind = 'reminder'") == 1)
    }
}
