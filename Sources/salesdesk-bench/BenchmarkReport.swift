import Foundation

/// One measured scenario: the desk's median, and the sqlite3 shell's on equivalent SQL when there is one.
struct BenchmarkResult {
    var name: String
    var deskMilliseconds: Double
    var sqliteMilliseconds: Double?

    var ratioText: String {
        guard let sqlite = sqliteMilliseconds, sqlite > 0 else { return "—" }
        return String(format: "%.2f×", deskMilliseconds / sqlite)
    }
}

/// Prints results as a Markdown table, ready for Docs/BENCHMARKS.md.
enum BenchmarkReport {
    static func print(_ results: [BenchmarkResult]) {
        Swift.print("| scenario | desk median (ms) | sqlite3 CLI median (ms) | desk ÷ sqlite3 |")
        Swift.print("|---|---:|---:|---:|")
        for result in results {
            let sqlite = result.sqliteMilliseconds.map { String(format: "%.3f", $0) } ?? "—"
            Swift.print("| \(result.name) | \(String(format: "%.3f", result.deskMilliseconds)) | \(sqlite) | \(result.ratioText) |")
        }
    }

    /// The desk's launch time and keystroke-to-frame percentiles.
    static func printDesk(firstFrame: Double, latencies: [DeskScenarios.Latency]) {
        Swift.print(String(format: "\nlaunch to first full frame (open database, load My Agenda, draw): median %.1f ms\n", firstFrame))
        Swift.print("| keystroke | to its frame p50 (ms) | p99 (ms) | to its data on screen p50 (ms) | p99 (ms) |")
        Swift.print("|---|---:|---:|---:|---:|")
        for latency in latencies {
            Swift.print(String(format: "| %@ | %.2f | %.2f | %.2f | %.2f |", latency.name, latency.p50, latency.p99, latency.answerP50, latency.answerP99))
        }
        for latency in latencies where !latency.labels.isEmpty {
            let slowest = latency.slowest(5).map { String(format: "%@ %.1f ms", $0.label, $0.milliseconds) }
            Swift.print("slowest data in \(latency.name): " + slowest.joined(separator: ", "))
        }
    }
}
