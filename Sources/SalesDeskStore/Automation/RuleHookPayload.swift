import Foundation
import SalesDeskAutomation

/// What a rule's `run hook` command reads on stdin: the rule, the record and why it fired.
struct RuleHookPayload: Encodable {
    var rule: String
    var version: Int
    var author: String
    var run: Int64
    var recordKind: String
    var recordID: Int64
    var cause: String
    var at: String
    var fields: [String: String]

    enum CodingKeys: String, CodingKey {
        case rule, version, author, run, cause, at, fields
        case recordKind = "record_kind"
        case recordID = "record_id"
    }

    init(rule: StoredRule, subject: RuleSubject, cause: String, runID: Int64, at: Date) {
        self.rule = rule.name
        version = rule.version
        author = rule.authorHandle
        run = runID
        recordKind = subject.kind.word
        recordID = subject.id
        self.cause = cause
        self.at = ISO8601.instant(at)
        fields = Dictionary(uniqueKeysWithValues: subject.fields.map { ($0.key.rawValue, $0.value.display) })
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
