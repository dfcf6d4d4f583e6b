import TerminalUI

/// A dialog with labelled fields: text fields and choices. What submitting does is its ``FormPurpose``.
public struct FormState: Sendable, Equatable {
    /// One field of a form.
    public struct Field: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case text(TextField)
            case choice([String], selected: Int)
        }

        public var label: String
        public var kind: Kind
        /// Shown under the field when the last submit was refused because of it.
        public var error: String?

        public init(label: String, kind: Kind) {
            self.label = label
            self.kind = kind
        }

        /// The field's current value (the text, or the chosen option).
        public var value: String {
            switch kind {
            case .text(let field): field.text
            case .choice(let options, let selected): options.indices.contains(selected) ? options[selected] : ""
            }
        }
    }

    public var title: String
    public var fields: [Field]
    public var focus: Int = 0
    public var purpose: FormPurpose
    /// A refusal to show above the buttons.
    public var error: String?

    public init(title: String, fields: [Field], purpose: FormPurpose) {
        self.title = title
        self.fields = fields
        self.purpose = purpose
    }

    /// The value of the field labelled `label`.
    public func value(_ label: String) -> String {
        fields.first { $0.label == label }?.value ?? ""
    }

    /// Whether the user typed anything (so quitting should ask first).
    public var hasInput: Bool {
        fields.contains { if case .text(let field) = $0.kind { return !field.text.isEmpty } else { return false } }
    }

    /// Applies a key to the focused field or the focus; returns false for Enter/Esc, which the caller handles.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .down:
            focus = (focus + 1) % max(1, fields.count)
        case .backTab, .up:
            focus = (focus - 1 + fields.count) % max(1, fields.count)
        case .enter, .escape:
            return false
        default:
            guard fields.indices.contains(focus) else { return true }
            switch fields[focus].kind {
            case .text(var field):
                field.handle(key)
                fields[focus].kind = .text(field)
            case .choice(let options, let selected):
                let step: Int = switch key {
                case .left, .character("h"): -1
                case .right, .character("l"), .character(" "): 1
                default: 0
                }
                fields[focus].kind = .choice(options, selected: (selected + step + options.count) % max(1, options.count))
            }
        }
        return true
    }
}
