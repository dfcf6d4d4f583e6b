import Foundation

/// The wall time of an engine run and the CPU time this process spent in it: on a machine shared with other builds
/// the wall time moves by a factor of two between runs, the CPU time much less, so the report gives both.
struct EngineTime {
    var wallSeconds = 0.0
    var cpuSeconds = 0.0

    static func of(_ body: () throws -> Void) rethrows -> EngineTime {
        let cpuStart = processCPUSeconds()
        let wall = try Measurement.seconds(body)
        return EngineTime(wallSeconds: wall, cpuSeconds: processCPUSeconds() - cpuStart)
    }

    /// `2000 events, 16012 firings in 1.234 s = 1621 events/s, 12976 firings/s (CPU 1.100 s = 1818 events/s)`.
    func rates(events: Int, fired: Int) -> String {
        String(format: "%d events, %d firings in %.3f s = %.0f events/s, %.0f firings/s (CPU %.3f s = %.0f events per CPU second)",
               events, fired, wallSeconds, Double(events) / max(wallSeconds, 1e-9), Double(fired) / max(wallSeconds, 1e-9),
               cpuSeconds, Double(events) / max(cpuSeconds, 1e-9))
    }

    private static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
