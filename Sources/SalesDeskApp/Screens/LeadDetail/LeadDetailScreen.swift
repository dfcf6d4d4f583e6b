import Foundation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let leadDetail = ScreenID("lead")
}

/// A lead: its deal, contact, score, follow-ups (a list) and timeline.
public struct LeadDetailScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case complete, reschedule, snooze, move, nextStage, assign, edit, hold, newFollowUp, logActivity, mergeContact

        public var name: String {
            switch self {
            case .complete: "complete"
            case .reschedule: "reschedule"
            case .snooze: "snooze"
            case .move: "move"
            case .nextStage: "next-stage"
            case .assign: "assign"
            case .edit: "edit"
            case .hold: "hold"
            case .newFollowUp: "follow-up"
            case .logActivity: "log"
            case .mergeContact: "merge-contact"
            }
        }

        public var summary: String {
            switch self {
            case .complete: "complete the selected follow-up"
            case .reschedule: "reschedule the selected follow-up"
            case .snooze: "snooze the selected follow-up an hour"
            case .move: "move the lead to a stage"
            case .nextStage: "move the lead to the next stage"
            case .assign: "assign the lead to another owner"
            case .edit: "edit the deal"
            case .hold: "put on hold / resume"
            case .newFollowUp: "schedule a follow-up"
            case .logActivity: "log a call, e-mail or note (no follow-up)"
            case .mergeContact: "merge a duplicate contact into this lead's"
            }
        }
    }

    public static let id = ScreenID.leadDetail
    public static let title = "Lead"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.character("c")], .complete, requires: .workFollowUp, hint: "complete"),
        KeyBinding([.character("r")], .reschedule, requires: .workFollowUp, hint: "reschedule"),
        KeyBinding([.character("z")], .snooze, requires: .workFollowUp),
        KeyBinding([.character("m")], .move, requires: .editLead, hint: "move"),
        KeyBinding([.character(">")], .nextStage, requires: .editLead, hint: "next stage"),
        KeyBinding([.character("a")], .assign, requires: .assignLead),
        KeyBinding([.character("e")], .edit, requires: .editLead, hint: "edit"),
        KeyBinding([.character("O")], .hold, requires: .editLead),
        KeyBinding([.character("f")], .newFollowUp, requires: .workFollowUp, hint: "follow-up"),
        KeyBinding([.character("L")], .logActivity, requires: .workFollowUp, hint: "log"),
        KeyBinding([.character("M")], .mergeContact, requires: .editLead),
    ]

    /// A follow-up of the lead as a list row.
    public struct ActivityRow: Sendable, Identifiable {
        public var activity: Activity
        public var id: Int64 { activity.id ?? 0 }
    }

    public let leadID: Int64
    public private(set) var detail: LeadDetail?
    public var list = ListState<ActivityRow>()
    var timeline = ListState<TimelineView.Row>()

    public init(session: DeskSession, record: RecordReference?) {
        if case .lead(let id) = record { leadID = id } else { leadID = 0 }
    }

    public func tabTitle(_ session: DeskSession) -> String { detail?.contact.name ?? Self.title }

    public var rowsAboveList: Int { 9 }

    /// Planned follow-ups shown at once (the list scrolls).
    static let followUpRows = 5

    var name: String { detail?.contact.name ?? "this lead" }

    public var selection: Selection {
        if let activity = list.selectedRow?.activity { return .activity(activity) }
        return detail.map { .lead($0.lead, name: $0.contact.name) } ?? .none
    }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        guard let lead = detail?.lead else { return [.bell] }
        let session = context.session
        switch action {
        case .complete, .reschedule, .snooze:
            guard let activity = list.selectedRow?.activity else {
                context.say("\(name) has no follow-up to \(action.name); f schedules one.", error: true)
                return [.bell]
            }
            let shared: FollowUpsScreen.Action = action == .complete ? .complete : action == .reschedule ? .reschedule : .snooze
            return FollowUpCommands.perform(shared, activity: activity, name: name, &context)
        case .move:
            context.modal = .form(FormFactory.moveLead([leadID], name: name, current: lead.stage, session: session))
            return []
        case .nextStage:
            return LeadCommands.nextStage(lead, name: name, &context)
        case .assign:
            context.modal = .form(FormFactory.assignLeads([leadID], name: name, session: session))
            return []
        case .edit:
            guard let form = FormFactory.editLead(lead, name: name) else { return [.bell] }
            context.modal = .form(form)
            return []
        case .hold:
            return [.write(.toggleOnHold(leadID))]
        case .newFollowUp:
            context.modal = .form(FormFactory.newFollowUp(on: .lead(leadID), name: name))
            return []
        case .logActivity:
            context.modal = .form(FormFactory.logActivity(on: .lead(leadID), name: name))
            return []
        case .mergeContact:
            context.modal = .form(FormFactory.mergeContact(into: leadID, name: name))
            return []
        }
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        _ = list.move(move, viewport: Self.followUpRows)
        return []
    }

    public struct Loaded: Sendable {
        var detail: LeadDetail
        var timeline: [TimelineEntry]
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        Loaded(detail: try database.leadDetail(leadID),
               timeline: try database.timeline(for: .lead(leadID), in: session.zone))
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        detail = loaded.detail
        list.replaceAll(with: loaded.detail.activities.filter { $0.state == .planned }.map(ActivityRow.init))
        list.scroll(viewport: Self.followUpRows)
        timeline.replaceAll(with: TimelineView.rows(loaded.timeline))
    }

    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let session = context.session
        guard let detail else { return DetailLines.loading(in: area, grid: &grid, theme: theme) }
        let lead = detail.lead
        var lines = DetailLines(area: area, theme: theme)
        func line(_ text: String, _ role: String = ThemeRole.text) { lines.put(text, role, grid: &grid) }
        line("\(detail.contact.name) · \(detail.account?.name ?? "no company")   lead #\(leadID)", ThemeRole.header)
        line("Deal: \(lead.title)")
        line("Stage: \(session.pipeline.name(of: lead.stage))\(lead.isOnHold ? " (On Hold)" : "") · \(Format.dayCount(since: lead.lastTouchedAt, now: session.now)) since last touch",
             "stage.\(lead.stage.rawValue)")
        if let reason = lead.lossReason { line("Lost: \(reason)", ThemeRole.error) }
        line("Value: \(lead.value.description) · Score \(lead.score) (\(lead.band.rawValue)) · Owner \(detail.owner.name) · Source \(lead.source.label)")
        line("Contact: \([detail.contact.email, detail.contact.phone, detail.contact.title].compactMap { $0 }.joined(separator: " · "))", ThemeRole.muted)
        if !detail.contact.consent.labels.isEmpty {
            line("Consent: " + detail.contact.consent.labels.joined(separator: " · "), ThemeRole.warning)
        }
        line("Score: " + detail.scoreBreakdown.map { "\($0.reason) +\($0.points)" }.joined(separator: ", "), ThemeRole.muted)
        lines.y += 1
        line("Planned follow-ups", ThemeRole.header)
        let shown = Self.followUpRows
        let start = max(0, min(list.offset, max(0, list.rows.count - shown)))
        if list.rows.isEmpty { line("   none — f schedules one, L logs a call or note", ThemeRole.muted) }
        for (index, row) in list.rows.enumerated().dropFirst(start).prefix(shown) {
            let activity = row.activity
            let selected = index == list.selected
            let text = "\(selected ? "▶" : " ") \(Format.time(activity.dueAt, zone: session.timeZone)) \(activity.type.label) \(activity.subject) [\(activity.state.rawValue)]\(activity.outcome.map { " — \($0)" } ?? "")"
            line(text, selected ? ThemeRole.selection : activity.state == .planned ? ThemeRole.text : ThemeRole.muted)
        }
        lines.y += 1
        line("Timeline", ThemeRole.header)
        TimelineView.render(timeline, focused: false, in: Rect(x: area.x, y: lines.y, width: area.width, height: area.maxY - lines.y),
                            zone: session.timeZone, grid: &grid, theme: theme)
    }
}
