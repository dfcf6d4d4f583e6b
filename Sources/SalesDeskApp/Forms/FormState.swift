import TerminalUI

/// A dialog with typed fields: text fields and choices. What submitting does is its ``FormPurpose``.
public struct FormState: Sendable, Equatable {
    /// One field of a form.
    public struct Field: Sendable, Equatable {
        /// A text field, or a choice among options (shown with ◀ ▶).
        public enum Kind: Sendable, Equatable {
            case text(TextField)
            case choice([String], selected: Int)
        }

        public var id: FormField
        public var kind: Kind

        public init(_ id: FormField, _ kind: Kind) {
            self.id = id
            self.kind = kind
        }

        /// A text field, pre-filled with `text`.
        public static func text(_ id: FormField, _ text: String = "") -> Field { Field(id, .text(TextField(text))) }

        /// A choice among `options`, starting at `selected`.
        public static func choice(_ id: FormField, _ options: [String], selected: Int = 0) -> Field {
            Field(id, .choice(options, selected: max(0, min(selected, options.count - 1))))
        }

        public var label: String { id.label }

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
    /// A refusal to show at the foot of the dialog (wrapped, never cut).
    public var error: String?
    /// A line of help under the fields (the `:` line's candidates).
    public var note: String?

    public init(title: String, fields: [Field], purpose: FormPurpose) {
        self.title = title
        self.fields = fields
        self.purpose = purpose
    }

    /// The value of field `id` ("" when the form has no such field).
    public func value(_ id: FormField) -> String {
        fields.first { $0.id == id }?.value ?? ""
    }

    /// The trimmed value of field `id`, nil when blank.
    public func optionalValue(_ id: FormField) -> String? {
        let text = value(id).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// Replaces the text of field `id`.
    public mutating func setText(_ id: FormField, _ text: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].kind = .text(TextField(text))
    }

    /// Whether the user typed anything (so quitting should ask first).
    public var hasInput: Bool {
        fields.contains { if case .text(let field) = $0.kind { return !field.text.isEmpty } else { return false } }
    }

    /// The focused field.
    public var focused: Field? { fields.indices.contains(focus) ? fields[focus] : nil }

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
