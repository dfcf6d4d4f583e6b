import Foundation

/// Timing helpers: medians of repeated runs, in milliseconds.
enum Measurement {
    /// Runs `body` `runs` times (after one warm-up) and returns the median wall time in ms.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        let sorted = try sortedSamples(runs: runs, body)
        return sorted[sorted.count / 2]
    }

    /// Runs `body` `runs` times (after one warm-up) and returns the 95th percentile wall time in ms (nearest rank).
    static func percentile95(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        let sorted = try sortedSamples(runs: runs, body)
        return sorted[min(sorted.count - 1, Int((0.95 * Double(sorted.count)).rounded(.up)) - 1)]
    }

    /// One warm-up, then `runs` wall times in ms, fastest first.
    private static func sortedSamples(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
        try body()
        var samples: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return samples.sorted()
    }

    /// Wall time of one run in seconds.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
    }

    /// Peak resident set size of this process in MB (Linux `VmHWM`).
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}
