import Foundation

// JSON shapes of the domain's enums with associated values, for `--json` and hooks: plain keys a script
// can read (`{"kind": "lead", "id": 42}`), never Swift's synthesised `{"lead": {"_0": 42}}`.

extension RecordReference {
    private enum CodingKeys: String, CodingKey { case kind, id }

    /// `{"kind": "lead", "id": 42}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(id, forKey: .id)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        guard let reference = RecordReference(kind: kind, id: try container.decode(Int64.self, forKey: .id)) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "'\(kind)' is not a record kind")
        }
        self = reference
    }
}

extension LossReason {
    private enum CodingKeys: String, CodingKey { case code, label, note }

    /// `{"code": "other", "label": "Other", "note": "Unqualified"}` (no `note` for the fixed reasons).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(note, forKey: .note)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        do {
            self = try LossReason.parse(code, note: try container.decodeIfPresent(String.self, forKey: .note))
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .code, in: container, debugDescription: "'\(code)' is not a loss reason")
        }
    }
}
