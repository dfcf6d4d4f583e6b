import Foundation
import SalesDeskAutomation
import TerminalUI

/// A rule being written or changed in `$EDITOR` from the Workflows screen: the text the user last saved and, while
/// it does not read as a rule, why. Nothing is stored until it reads right; the draft is kept so the user can fix it.
struct RuleEditing: Sendable, Equatable {
    /// The name of the rule being changed; nil for a new rule.
    var original: String?
    /// The text the editor opens with next.
    var draft: String
    /// Why the last saved text does not read as a rule ("line 2, column 28: expected …"); nil until a save fails.
    var problem: String?

    /// What a new rule starts from: a working example to change, and where to read more.
    static let newRuleTemplate = """
        # A new rule: WHEN something happens, IF conditions hold (optional), THEN do these things.
        # Change the example below and save. Lines starting with # are ignored.
        # Every trigger, condition and action, with examples: Docs/AUTOMATION.md or `salesdesk rules --help`.
        rule "Name of your rule"
        when lead stage changes to "Demo Given"
        if value >= 10000
        then notify owner "{lead.name} reached Demo Given"
        """

    /// A new rule from the template.
    static func newRule() -> RuleEditing { RuleEditing(original: nil, draft: newRuleTemplate) }

    /// What the user's saved text amounts to.
    enum Outcome: Equatable {
        /// Nothing to save: the text is what the editor opened with, or empty.
        case unchanged
        /// It does not read as a rule; ``problem`` says why and the text is kept as the draft.
        case invalid
        /// It reads as a rule: save it (the store checks it again, with the user's permissions).
        case save(original: String?, text: String, name: String)
    }

    /// Takes the text the user saved: checks it with `parser` and keeps it as the draft.
    mutating func take(_ text: String, parser: RuleParser) -> Outcome {
        let opened = draft
        draft = text
        let meaningful = text.split(separator: "\n").contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        if !meaningful || (text == opened && problem == nil) { return .unchanged }
        do {
            let rule = try parser.parse(text)
            problem = nil
            return .save(original: original, text: text, name: rule.name)
        } catch {
            problem = error.description
            return .invalid
        }
    }

    /// The lines of the dialog shown while the draft does not read right.
    var dialogLines: [String] {
        ["Nothing was saved: the rule does not read right.", "", problem ?? "", "",
         "e  edit it again (your text is kept)", "Esc  throw this draft away"]
    }

    /// Draws the dialog over `area` (a box in the middle), sanitised like all text from the user.
    func renderDialog(in area: Rect, theme: Theme, grid: inout Grid) {
        let width = min(area.width - 4, 90)
        // The first line and the mistake are in the error colour, each of their wrapped lines too.
        let lines = dialogLines.enumerated().flatMap { index, text in
            TextWrap.lines(text, width: width - 4).map { (text: $0, isError: index == 0 || index == 2) }
        }
        let height = min(area.height, lines.count + 2)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        grid.fill(box, style: theme.style(ThemeRole.text))
        grid.box(box, style: theme.style(ThemeRole.focusBorder), title: original.map { "Editing “\(TextSanitizer.sanitize($0))”" } ?? "New rule")
        for (index, line) in lines.prefix(height - 2).enumerated() {
            grid.put(TextSanitizer.sanitize(line.text), x: box.x + 2, y: box.y + 1 + index,
                     style: theme.style(line.isError ? ThemeRole.error : ThemeRole.text), maxWidth: width - 4)
        }
    }
}
