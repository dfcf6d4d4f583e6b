import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

/// Shared formatting for screens: times in the user's zone, counts, stall colours, SLA clocks.
enum Format {
    static func time(_ date: Date, zone: String, pattern: String = "EEE d MMM HH:mm") -> String {
        DateFormatters.shared.formatter(zone: zone, pattern: pattern).string(from: date)
    }

    /// `1,234`, or `10,000+` when counting stopped at `cap`.
    static func count(_ value: Int, cap: Int = .max) -> String {
        CountPhrase.grouped(value) + (value >= cap ? "+" : "")
    }

    /// `1 ticket`, `2 tickets`, `10,000+ leads` (``CountPhrase``, with `+` when counting stopped at `cap`).
    static func count(_ value: Int, _ noun: String, plural: String? = nil, cap: Int = .max) -> String {
        "\(count(value, cap: cap)) \(CountPhrase.noun(for: value, noun, plural: plural))"
    }

    static func days(since date: Date, now: Date) -> Int { max(0, Int(now.timeIntervalSince(date) / 86_400)) }

    /// `1 day`, `12 days`.
    static func dayCount(since date: Date, now: Date) -> String {
        count(days(since: date, now: now), "day")
    }

    /// `stall.fresh` under the stage's threshold, `stall.warn` under twice it, `stall.rotten` beyond; closed stages are muted.
    static func stallRole(_ lead: Lead, pipeline: Pipeline, now: Date) -> String {
        guard let threshold = pipeline.definition(of: lead.stage)?.stallDays else { return ThemeRole.muted }
        let age = now.timeIntervalSince(lead.lastTouchedAt) / 86_400
        if age < Double(threshold) { return "stall.fresh" }
        return age < Double(threshold * 2) ? "stall.warn" : "stall.rotten"
    }

    /// The first-response SLA cell: business time left (`1h20 left`), `paused`, `breached <when>`, or how fast
    /// the first reply came; with its role (`sla.ok`, `sla.at_risk`, `sla.breached`).
    static func sla(_ ticket: Ticket, _ due: FirstResponseDue?, now: Date, zone: String) -> (text: String, role: String) {
        if let responded = ticket.firstResponseAt {
            let minutes = Int(responded.timeIntervalSince(ticket.createdAt) / 60)
            return ("replied in \(duration(minutes))", ThemeRole.muted)
        }
        guard let due else { return ("—", ThemeRole.muted) }
        let left = "\(duration(Int(due.remainingSeconds(at: now) / 60))) left"
        switch due.state(at: now) {
        case .ok: return (left, "sla.ok")
        case .atRisk: return (left, "sla.at_risk")
        case .paused: return (due.remainingSeconds(at: now) > 0 ? "paused, \(left)" : "paused, target missed", ThemeRole.muted)
        case .breached: return ("breached \(time(due.breachAt ?? now, zone: zone, pattern: "d MMM HH:mm"))", "sla.breached")
        }
    }

    static func duration(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 48 * 60 { return "\(minutes / 60)h\(minutes % 60 > 0 ? String(format: "%02d", minutes % 60) : "")" }
        return "\(minutes / 1440)d"
    }
}

/// Writes a record screen top-down, one line at a time, and stops at the bottom of its area.
struct DetailLines {
    let area: Rect
    let theme: Theme
    /// The row the next line goes on.
    var y: Int

    init(area: Rect, theme: Theme) {
        self.area = area
        self.theme = theme
        y = area.y
    }

    /// Puts `text` in `role` on the next row, if there is one.
    mutating func put(_ text: String, _ role: String, grid: inout Grid) {
        guard y < area.maxY else { return }
        grid.put(text, x: area.x + 1, y: y, style: theme.style(role), maxWidth: area.width - 2)
        y += 1
    }

    /// What a screen shows until its data has loaded.
    static func loading(in area: Rect, grid: inout Grid, theme: Theme) {
        grid.put("Loading…", x: area.x + 1, y: area.y + 1, style: theme.style(ThemeRole.muted))
    }
}
