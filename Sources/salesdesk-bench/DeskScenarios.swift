import Foundation
import SalesDeskApp
import SalesDeskConfig
import SalesDeskDomain
import SalesDeskInsight
import SalesDeskStore
import TerminalUI

/// The desk itself on a demo database: launch to first full frame, and keystroke-to-frame latency
/// (update + data load + render into the grid) for the interactions people repeat all day.
///
/// The terminal is the in-memory one, so ncurses' own screen update is not included; it writes only
/// the cells that changed and is the same for every scenario.
struct DeskScenarios {
    let path: String
    let runs: Int

    /// Latency percentiles of one interaction.
    struct Latency {
        var name: String
        /// Keystroke to the frame that answers it (the desk's reads start in the background, as in the run loop).
        var samples: [Double]
        /// Keystroke to the frame that shows the data it asked for (the reads applied).
        var answers: [Double] = []
        /// What each sample was (the key, and for filters the text typed so far), to name the slowest ones.
        var labels: [String] = []

        init(name: String, timings: [Timing], labels: [String] = []) {
            self.name = name
            samples = timings.map(\.frame)
            answers = timings.map(\.answer)
            self.labels = labels
        }

        /// The samples whose data took longest, with what they were, slowest first.
        func slowest(_ count: Int) -> [(label: String, milliseconds: Double)] {
            zip(labels, answers).sorted { $0.1 > $1.1 }.prefix(count).map { (label: $0.0, milliseconds: $0.1) }
        }

        var p50: Double { Self.percentile(samples, 0.50) }
        var p99: Double { Self.percentile(samples, 0.99) }
        var answerP50: Double { Self.percentile(answers, 0.50) }
        var answerP99: Double { Self.percentile(answers, 0.99) }

        private static func percentile(_ values: [Double], _ fraction: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }
    }

    /// One keystroke: to its first frame, and to the frame with its data.
    struct Timing {
        var frame: Double
        var answer: Double
    }

    func run() throws -> (firstFrame: Double, latencies: [Latency]) {
        let firstFrame = try Measurement.median(runs: runs) { _ = try openDesk() }
        var latencies: [Latency] = []
        latencies.append(try scrollQueue())
        latencies.append(try endOfQueue())
        latencies.append(try switchScreens())
        latencies.append(try filterAsYouType())
        latencies.append(try moveBoardCards())
        latencies.append(try openReports())
        latencies.append(try switchReports())
        return (firstFrame, latencies)
    }

    /// Opens the database and the desk as the demo rep (or `handle`) and draws the first frame (My Agenda).
    private func openDesk(as handle: String = DemoDataGenerator.sampleRepHandle, width: Int = 160, height: Int = 48) throws -> DeskRuntime {
        let database = try AppDatabase.open(path: path)
        guard let rep = try database.user(handle: handle) else {
            throw DomainError.notFound("The demo user '\(handle)' (is this a demo database?)")
        }
        let terminal = InMemoryTerminal(width: width, height: height)
        let runtime = try DeskRuntime(database: database, terminal: terminal, user: rep, theme: ThemeLoader.standard, now: { Date() },
                                      loadTheme: { _ in ThemeLoader.standard })
        _ = runtime.render()
        return runtime
    }

    /// A key as the run loop takes it: handled and drawn (reads start in the background), then the reads
    /// applied and drawn again.
    private func timed(_ runtime: DeskRuntime, _ key: Key) -> Timing {
        let start = DispatchTime.now().uptimeNanoseconds
        let milliseconds = { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        runtime.receive(.key(key))
        _ = runtime.render()
        let frame = milliseconds()
        runtime.settle()
        _ = runtime.render()
        return Timing(frame: frame, answer: milliseconds())
    }

    /// `j` through 2,000 rows of the Team queue (pages of 100 load as the cursor nears the end).
    private func scrollQueue() throws -> Latency {
        let desk = try openDesk()
        desk.handle(.key(.character("2")))
        for _ in 0..<4 { desk.handle(.key(.character("]"))) }
        return Latency(name: "scroll the Team queue (j × 2,000)", timings: (0..<2000).map { _ in timed(desk, .character("j")) })
    }

    /// `G` to the true end of a rep's whole queue (a reverse keyset read of the last page), `k` back up through
    /// page boundaries, `g` to the top; round and round.
    private func endOfQueue() throws -> Latency {
        let desk = try openDesk()
        desk.handle(.key(.character("2")))
        for _ in 0..<3 { desk.handle(.key(.character("]"))) }
        var samples: [Timing] = []
        for _ in 0..<20 {
            samples.append(timed(desk, .character("G")))
            samples += (0..<150).map { _ in timed(desk, .character("k")) }
            samples.append(timed(desk, .character("g")))
        }
        return Latency(name: "All mine: G to the end, k × 150, g (× 20)", timings: samples)
    }

    /// `1`…`6` round and round: each switch loads the screen's first page.
    private func switchScreens() throws -> Latency {
        let desk = try openDesk()
        let keys = Array("123456")
        return Latency(name: "switch screens (1–6 × 50)", timings: (0..<300).map { timed(desk, .character(keys[$0 % keys.count])) },
                       labels: (0..<300).map { "\(keys[$0 % keys.count]) (\($0 / keys.count + 1))" })
    }

    /// Typing filters in the Team queue, one query per keystroke (FTS words and field filters).
    private func filterAsYouType() throws -> Latency {
        let desk = try openDesk()
        desk.handle(.key(.character("2")))
        for _ in 0..<4 { desk.handle(.key(.character("]"))) }
        var samples: [Timing] = []
        var labels: [String] = []
        for text in ["an", "jo", "ana silva", "stage:neg", "garcia stage:\"proposal sent\"", "tyrell", "score:80 kenji", "li", "an"] {
            desk.handle(.key(.character("/")))
            for (index, character) in text.enumerated() {
                samples.append(timed(desk, .character(character)))
                labels.append("/" + text.prefix(index + 1))
            }
            desk.handle(.key(.escape))
        }
        return Latency(name: "filter as you type (\(samples.count) keystrokes)", timings: samples, labels: labels)
    }

    /// The demo's sales manager (one team), whose Reports are the team's.
    static let managerHandle = "jonas"

    /// `7` on a desk just opened, as the manager and as the admin (10 desks each): the Reports screen's first visit,
    /// which reads its first report (the forecast against quota) for the whole team or company.
    private func openReports() throws -> Latency {
        var timings: [Timing] = [], labels: [String] = []
        for handle in [Self.managerHandle, "admin"] {
            for round in 1...10 {
                let desk = try openDesk(as: handle)
                timings.append(timed(desk, .character("7")))
                labels.append("7 as \(handle) (\(round))")
            }
        }
        return Latency(name: "open Reports (7, as a manager and an admin × 10)", timings: timings, labels: labels)
    }

    /// `]` through every report, five times round, as the manager: each reads its report for the team.
    private func switchReports() throws -> Latency {
        let desk = try openDesk(as: Self.managerHandle)
        desk.handle(.key(.character("7")))
        var timings: [Timing] = [], labels: [String] = []
        for round in 1...5 {
            for _ in 0..<ReportName.allCases.count {
                timings.append(timed(desk, .character("]")))
                labels.append("] to \(desk.state.screen(ReportsScreen.self)?.report.title ?? "?") (\(round))")
            }
        }
        return Latency(name: "next report (] through all, × 5, as a manager)", timings: timings, labels: labels)
    }

    /// `L` then `H` on the board's first card, 50 times: each moves the card a stage on or back (a write, then the
    /// two columns re-read), and the selection follows it. The run stops if a move is refused, so every sample
    /// is a real write.
    private func moveBoardCards() throws -> Latency {
        let desk = try openDesk()
        desk.handle(.key(.character("5")))
        var timings: [Timing] = [], labels: [String] = []
        for round in 1...50 {
            for key in ["L", "H"] as [Character] {
                timings.append(timed(desk, .character(key)))
                labels.append("\(key) (\(round))")
                if let status = desk.state.status, status.isError {
                    throw DomainError.invalidField(field: "board", reason: "the card move was refused: \(status.text)")
                }
            }
        }
        return Latency(name: "move a board card (L, H × 50)", timings: timings, labels: labels)
    }
}
