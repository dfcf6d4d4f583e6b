import Foundation
import SalesDeskAutomation
import SalesDeskDomain
import SalesDeskStore
import TerminalUI

extension ScreenID {
    public static let workflows = ScreenID("workflows")
}

/// Workflows: the automation rules (state, version, last fired, the last 7 days' firings, failures), the selected
/// rule drawn as a flow with its run log; write a new rule or change one in `$EDITOR` (nothing is saved until it reads
/// right), dry-run, enable and pause from here. Everyone reads; managers and admins get the keys that write.
public struct WorkflowsScreen: DeskScreen {
    public enum Action: String, ScreenAction {
        case newRule, edit, enable, pause, dryRun

        public var name: String {
            switch self {
            case .newRule: "new-rule"
            case .edit: "edit"
            case .enable: "enable"
            case .pause: "pause"
            case .dryRun: "dry-run"
            }
        }

        public var summary: String {
            switch self {
            case .newRule: "write a new rule in your editor (saved as a draft once it reads right)"
            case .edit: "change the rule in your editor (saved as its next version once it reads right)"
            case .enable: "switch the rule on"
            case .pause: "pause the rule"
            case .dryRun: "replay the last 30 days against the rule: what it would have done (changes nothing)"
            }
        }
    }

    public static let id = ScreenID.workflows
    public static let title = "Workflows"
    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.character("n")], .newRule, requires: .writeRules, hint: "new rule"),
        KeyBinding([.character("c")], .edit, requires: .writeRules, hint: "change"),
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
    /// The rule being written in `$EDITOR`, while the editor is open or its text does not read right.
    private(set) var editing: RuleEditing?
    /// The rule to select once the list is read again (one just saved).
    private var selectAfterLoad: String?

    public init(session: DeskSession, record: RecordReference?) {}

    /// Rows of the list on screen; the flow and run log take the rest.
    static let listRows = 8

    public var rowsAboveList: Int { 1 }

    public mutating func perform(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        if action == .newRule { return startEditing(.newRule()) }
        guard let name = rules.selectedRow?.rule.name else { return [.bell] }
        if action == .edit {
            guard let detail, detail.rule.name == name else { return [.bell] }
            return startEditing(RuleEditing(original: name, draft: detail.rule.text))
        }
        return [.task(Self.id, ScreenTask(action.name, [name]))]
    }

    private mutating func startEditing(_ rule: RuleEditing) -> [Effect] {
        editing = rule
        return [.editForScreen(Self.id, rule.draft)]
    }

    /// The editor closed: save the text if it reads as a rule, else keep it and show why, offering to edit it again.
    public mutating func edited(_ text: String, _ context: inout ScreenContext) -> [Effect] {
        guard var rule = editing else { return [] }
        let parser = RuleParser(vocabulary: RuleVocabulary(pipeline: context.session.pipeline))
        switch rule.take(text, parser: parser) {
        case .unchanged:
            editing = nil
            context.say("Nothing was saved: the rule was not changed.")
            return []
        case .invalid:
            editing = rule
            return [.bell]
        case .save(let original, let text, let name):
            editing = nil
            selectAfterLoad = name
            return [.task(Self.id, ScreenTask(Self.saveTask, [original ?? "", text]))]
        }
    }

    /// While a draft does not read right, its dialog takes the keys: `e` or Enter edits it again, Esc throws it away.
    public mutating func typed(_ key: Key, _ context: inout ScreenContext) -> [Effect]? {
        guard let rule = editing, rule.problem != nil, key != .ctrl("c") else { return nil }
        switch key {
        case .character("e"), .enter:
            return [.editForScreen(Self.id, rule.draft)]
        case .escape:
            editing = nil
            context.say("The draft was thrown away; nothing was saved.")
            return []
        default:
            return []
        }
    }

    /// The task that stores an edited rule: arguments the original name ("" for a new rule) and the text.
    static let saveTask = "save-rule"

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
        let selected = selectAfterLoad.flatMap { name in rows.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.name }
            ?? rules.selectedRow?.rule.name ?? rows.first?.name
        return Loaded(rows: rows, detail: try selected.map { try database.ruleDetail(named: $0, runLimit: 20) })
    }

    public mutating func apply(_ loaded: Loaded, for request: LoadRequest, _ context: inout ScreenContext) {
        rules.replaceAll(with: loaded.rows.enumerated().map { Row(rule: $0.element, id: Int64($0.offset)) })
        if let name = loaded.detail?.rule.name, selectAfterLoad != nil, let row = rules.rows.first(where: { $0.rule.name == name }) {
            _ = rules.select(id: row.id, viewport: Self.listRows)
        }
        selectAfterLoad = nil
        rules.scroll(viewport: Self.listRows)
        detail = loaded.detail
    }

    public func run(_ task: ScreenTask, database: AppDatabase, session: DeskSession) throws -> String {
        guard let name = task.arguments.first else { throw DomainError.invalidField(field: "rule", reason: "select a rule first") }
        switch task.name {
        case Self.saveTask:
            guard task.arguments.count == 2 else { throw DomainError.invalidField(field: "rule", reason: "nothing to save") }
            if name.isEmpty {
                let rule = try database.addRule(text: task.arguments[1], by: session.user)
                return "Saved “\(rule.name)” as a draft (version 1). d dry-runs it over the last 30 days; e switches it on."
            }
            let rule = try database.editRule(named: name, text: task.arguments[1], by: session.user)
            return "Saved “\(rule.name)” (version \(rule.version), \(rule.state.label.lowercased()))."
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
            let trials = report.trials.flatMap { trial in
                trial.textLines { Format.time($0, zone: session.timeZone, pattern: "d MMM HH:mm") } + [""]
            }
            let more = report.considered > report.trials.count
                ? ["The first \(report.trials.count) of \(report.considered) are shown; `salesdesk rules dry-run \"\(name)\" --limit \(report.considered)` lists them all."] : []
            return (["Dry run of “\(name)” over the last 30 days: \(CountPhrase.of(report.considered, "trigger")) found, it would have fired \(CountPhrase.of(report.wouldFire, "time")). Nothing was changed."]
                + actions + [""] + trials + more).joined(separator: "\n")
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
        let builtIn = rules.rows.contains { $0.rule.isBuiltIn } ? "  (* built in: the desk does this itself until you change or pause the rule)" : ""
        grid.put("Automation rules · \(Format.count(rules.rows.count, "rule"))" + builtIn,
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
        defer { if let editing, editing.problem != nil { editing.renderDialog(in: area, theme: theme, grid: &grid) } }
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
