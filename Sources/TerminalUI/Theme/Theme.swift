/// Named styles for every role the desk draws: a palette applied to roles, like a Helix or k9s skin.
///
/// Roles are plain strings so this module stays sales-agnostic (`"selection"`, `"stage.won"`,
/// `"sla.breached"`). A role the theme does not define falls back to `fallback` (the default theme),
/// then to the plain style.
public struct Theme: Sendable {
    public var name: String
    public var styles: [String: Style]
    public var fallback: [String: Style]

    public init(name: String, styles: [String: Style], fallback: [String: Style] = [:]) {
        self.name = name
        self.styles = styles
        self.fallback = fallback
    }

    /// The style of a role.
    public func style(_ role: String) -> Style {
        styles[role] ?? fallback[role] ?? styles[ThemeRole.text] ?? .plain
    }

    /// The same theme with every style adapted to what the terminal can show.
    /// On a monochrome terminal only backgrounds that differ from the `background` role's stand out (reverse video).
    public func adapted(to capability: ColorCapability) -> Theme {
        let base = style(ThemeRole.background).background
        return Theme(name: name, styles: styles.mapValues { $0.adapted(to: capability, base: base) },
                     fallback: fallback.mapValues { $0.adapted(to: capability, base: base) })
    }

    /// A theme with no colour at all: attributes only. Used when nothing else can be loaded.
    public static let plain = Theme(name: "plain", styles: [
        ThemeRole.selection: Style(attributes: [.reverse]), ThemeRole.header: Style(attributes: [.bold]),
        ThemeRole.statusBar: Style(attributes: [.reverse]), ThemeRole.hintKey: Style(attributes: [.bold]),
        ThemeRole.muted: Style(attributes: [.dim]), ThemeRole.error: Style(attributes: [.bold]),
    ])
}

/// The role names every theme may define.
public enum ThemeRole {
    public static let background = "background"
    public static let text = "text"
    public static let muted = "muted"
    public static let header = "header"
    public static let selection = "selection"
    public static let focusBorder = "focus_border"
    public static let hintKey = "hint_key"
    public static let statusBar = "status_bar"
    public static let tabActive = "tab_active"
    public static let error = "error"
    public static let warning = "warning"
    public static let success = "success"

    /// Every role a complete theme defines (stage, priority, stall and SLA roles included).
    public static let all: [String] = [
        background, text, muted, header, selection, focusBorder, hintKey, statusBar, tabActive, error, warning, success,
        "stage.open", "stage.first_contact", "stage.connected", "stage.demo_scheduled", "stage.demo_given", "stage.proposal_sent",
        "stage.negotiation", "stage.integration_approved", "stage.won", "stage.lost",
        "priority.normal", "priority.high", "priority.critical",
        "stall.fresh", "stall.warn", "stall.rotten",
        "sla.ok", "sla.at_risk", "sla.breached",
    ]
}
