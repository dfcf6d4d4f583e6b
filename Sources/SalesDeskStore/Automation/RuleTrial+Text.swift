import Foundation

extension RuleTrial {
    /// The trial as lines a manager reads: the record and what happened (✓ when it triggers the rule), each
    /// condition ✓ / ✗ with the record's value, then the planned actions (`→`, or `(would)` when a condition
    /// failed). `instant` writes the moment (UTC on the command line, the user's zone on the desk).
    public func textLines(instant: (Date) -> String) -> [String] {
        var lines = ["\(record)\(at.map { " at \(instant($0))" } ?? ""): \(trigger) \(triggered ? "✓" : "✗")"]
        lines += checks.map { "  \($0.passed ? "✓" : "✗") \($0.term)" + ($0.actual.map { " (is \($0))" } ?? "") }
        lines += plans.map { "  \(fires ? "→" : "(would)") \($0)" }
        return lines
    }
}
