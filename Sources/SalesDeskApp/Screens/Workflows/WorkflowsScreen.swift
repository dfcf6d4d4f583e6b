import Foundation
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let workflows = ScreenID("workflows")
}

/// Workflows: the automation rules (state, version, last fired, the last 7 days' firings, failures), the selected
/// rule drawn as a flow with its run log; enable, pause and dry-run from here (`salesdesk rules edit` edits).
public struct WorkflowsScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case enable, pause, dryRun

        public var name: String {
            switch self {
            case .enable: "enable"
            case .pause: "pause"
            case .dryRun: "dry-run"
            }
        }

        public var summary: String {
            switch self {
            case .enable: "switch the rule on"
            case .pause: "pause the rule"
            case .dryRun: "replay the last 30 days against the rule: what it would have done (changes nothing)"
            }
        }
    }

    public static let id = ScreenID.workflows
    public static let title = "Workflows"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.character("e")], .enable, requires: .writeRules, hint: "enable"),
        KeyBinding([.character("p")], .pause, requires: .writeRules, hint: "pause"),
        KeyBinding([.character("d")], .dryRun, hint: "dry run"),
    ]

    /// A rule as a list row.
    public struct Row: Sendable, Identifiable {
        public var rule: RuleListRow
        public var id: Int64
    }

    public var rules = ListState<Row>()
    /// The selected rule's flow and runs.
    public private(set) var detail: RuleDetail?

    public init(session: DeskSession, record: RecordReference?) {}

    /// Rows of the list on screen; the flow and run log take the rest.
    static let listRows = 8

    public var rowsAboveList: Int { 1 }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        guard let name = rules.selectedRow?.rule.name else { return [.bell] }
        return [.task(Self.id, ScreenTask(action.name, [name]))]
    }

    public mutating func move(_ move: ListMove, _ context: inout ScreenContext) -> [Effect] {
        let before = rules.selectedRow?.id
        _ = rules.move(move, viewport: Self.listRows)
        return rules.selectedRow?.id == before ? [] : [.load(Self.id, .refresh)]
    }

    public struct Loaded: Sendable {
        var rows: [RuleListRow]
        var detail: RuleDetail?
    }

    public func load(_ request: LoadRequest, from database: AppDatabase, session: DeskSession) throws -> Loaded {
        let rows = try database.ruleListRows(now: session.now)
        let selected = rules.selectedRow?.rule.name ?? rows.first?.name
        return Loaded(rows: rows, detail: try selected.map { try database.ruleDetail(named: $0, runLimit: 20) })
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        rules.replaceAll(with: loaded.rows.enumerated().map { Row(rule: $0.element, id: Int64($0.offset)) })
        rules.scroll(viewport: Self.listRows)
        detail = loaded.detail
    }

    public func run(_ task: ScreenTask, database: AppDatabase, session: DeskSession) throws -> String {
        guard let name = task.arguments.first else { throw DomainError.invalidField(field: "rule", reason: "select a rule first") }
        switch task.name {
        case Action.enable.name:
            let rule = try database.setRuleState(named: name, to: .active, by: session.user)
            return "“\(rule.name)” is on (version \(rule.version))."
        case Action.pause.name:
            let rule = try database.setRuleState(named: name, to: .paused, by: session.user)
            return "“\(rule.name)” is paused."
        case Action.dryRun.name:
            let rule = try database.ruleDetail(named: name, runLimit: 0)
            guard let parsed = rule.parsed else { throw DomainError.invalidField(field: "rule", reason: rule.parseError ?? "the rule does not parse") }
            let report = try database.dryRun(parsed, days: 30, now: session.now)
            let actions = report.plannedActions.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            let trials = report.trials.filter(\.fires).prefix(8).map { "• \($0.record): \($0.plans.joined(separator: "; "))" }
            return (["Dry run of “\(name)” over the last 30 days: \(CountPhrase.of(report.considered, "trigger")) found, it would have fired \(CountPhrase.of(report.wouldFire, "time")). Nothing was changed."]
                + actions + trials).joined(separator: "\n")
        default:
            throw DomainError.invalidField(field: "workflows", reason: "no task '\(task.name)'")
        }
    }

    static let table = TableView(columns: [
        .init(title: "RULE", width: .flexible(min: 20)),
        .init(title: "STATE", width: .fixed(9)),
        .init(title: "VERSION", width: .fixed(7), alignRight: true),
        .init(title: "LAST FIRED", width: .fixed(16)),
        .init(title: "7 DAYS", width: .fixed(7)),
        .init(title: "FAILED", width: .fixed(6), alignRight: true),
    ])

    public func render(in area: Rect, _ context: RenderContext, grid: inout Grid) {
        let theme = context.theme
        let session = context.session
        grid.put("Automation rules · \(Format.count(rules.rows.count, "rule"))  (edit with: salesdesk rules edit NAME)",
                 x: area.x + 1, y: area.y, style: theme.style(ThemeRole.header), maxWidth: area.width - 2)
        let list = Rect(x: area.x, y: area.y + 1, width: area.width, height: min(area.height - 1, Self.listRows + 1))
        ListView.render(rules, table: Self.table, in: list, empty: "No rules yet.", theme: theme, grid: &grid) { row in
            let rule = row.rule
            let state = rule.isBuiltIn ? "\(rule.state.label)*" : rule.state.label
            return [.init(rule.name), .init(state, role: rule.state == .active ? ThemeRole.success : ThemeRole.muted),
                    .init(String(rule.version)), .init(rule.lastFiredAt.map { Format.time($0, zone: session.timeZone, pattern: "d MMM HH:mm") } ?? "never"),
                    .init(Sparkline(rule.firingsLast7Days.map(Double.init)).line(width: 7)),
                    .init(String(rule.failures), role: rule.failures > 0 ? ThemeRole.error : nil)]
        }
        guard let detail else { return }
        var y = list.maxY + 1
        if let parsed = detail.parsed {
            let diagram = RuleFlow(parsed).diagram
            let height = min(diagram.height(width: area.width - 2), max(0, area.maxY - y))
            if height > 0 {
                var flow = Grid(width: area.width - 2, height: height)
                _ = diagram.render(into: &flow, area: flow.bounds, style: theme.style(ThemeRole.text))
                for (row, line) in flow.textLines().enumerated() {
                    grid.put(line, x: area.x + 1, y: y + row, style: theme.style(ThemeRole.text), maxWidth: area.width - 2)
                }
                y += height + 1
            }
        } else if let error = detail.parseError {
            grid.put("This rule no longer reads: \(error)", x: area.x + 1, y: y, style: theme.style(ThemeRole.error), maxWidth: area.width - 2)
            y += 2
        }
        guard y < area.maxY else { return }
        grid.put("Run log", x: area.x + 1, y: y, style: theme.style(ThemeRole.header))
        y += 1
        if detail.runs.isEmpty { grid.put("   not fired yet", x: area.x + 1, y: y, style: theme.style(ThemeRole.muted)) }
        for run in detail.runs where y < area.maxY {
            let when = Format.time(run.at, zone: session.timeZone, pattern: "d MMM HH:mm")
            let text = "\(when)  v\(run.version) \(run.outcome) · \(run.cause)" + (run.actions.isEmpty ? "" : " → " + run.actions.joined(separator: "; "))
                + (run.error.map { " — \($0)" } ?? "")
            grid.put(text, x: area.x + 1, y: y, style: theme.style(run.error == nil ? ThemeRole.text : ThemeRole.error), maxWidth: area.width - 2)
            y += 1
        }
    }
}
