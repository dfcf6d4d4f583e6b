import Foundation
import Logging
import SalesDeskApp
import SalesDeskConfig
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import TerminalUI

/// The first open of a fresh copy of a database, phase by phase: what a user waits for before the desk's
/// first frame (`--only launch`).
///
/// Each run copies the file (and its `-wal`, if any) to a new path, then times opening it (migrations,
/// WAL recovery), the desk's launch scheduler pass (catch-up), and building and drawing the first frame.
struct LaunchScenario {
    let path: String
    let runs: Int
    /// Opens the copy as if this many days had passed since the file was last used (`--days-later`), so the
    /// launch pass has the catch-up of a file copied from an older one.
    let daysLater: Double

    /// Seconds per phase of one launch.
    struct Phases {
        var open = 0.0
        var schedulerPass = 0.0
        var firstFrame = 0.0
        var handled = 0
        var total: Double { open + schedulerPass + firstFrame }
    }

    func run() throws -> [Phases] {
        try (0..<runs).map { run in try launchFreshCopy(run) }
    }

    private func launchFreshCopy(_ run: Int) throws -> Phases {
        let copy = NSTemporaryDirectory() + "salesdesk-launch-\(getpid())-\(run).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
        }
        var phases = Phases()
        var database: AppDatabase?
        let offset = daysLater * 86_400
        let now: @Sendable () -> Date = { Date().addingTimeInterval(offset) }
        phases.open = try Measurement.seconds { database = try AppDatabase.open(path: copy, now: now) }
        guard let database, let rep = try database.user(handle: DemoDataGenerator.sampleRepHandle) else {
            throw DomainError.notFound("The demo rep '\(DemoDataGenerator.sampleRepHandle)' (is this a demo database?)")
        }
        let engine = SchedulerEngine(database: database, now: now, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }),
                                     runsHooks: false)
        var handled = 0
        phases.schedulerPass = try Measurement.seconds { handled = try engine.runPass().firing.handled }
        phases.handled = handled
        phases.firstFrame = try Measurement.seconds {
            let runtime = try DeskRuntime(database: database, terminal: InMemoryTerminal(width: 160, height: 48), user: rep, theme: ThemeLoader.standard,
                                          now: now, loadTheme: { _ in ThemeLoader.standard })
            _ = runtime.render()
        }
        return phases
    }

    static func print(_ phases: [Phases]) {
        Swift.print("\nFirst open of a fresh copy (seconds): open + migrate | launch scheduler pass (items) | first frame | total")
        for phase in phases {
            Swift.print(String(format: "  %.3f | %.3f (%d) | %.3f | %.3f", phase.open, phase.schedulerPass, phase.handled, phase.firstFrame, phase.total))
        }
    }
}
