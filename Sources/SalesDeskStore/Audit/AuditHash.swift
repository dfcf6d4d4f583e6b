import Crypto
import Foundation

/// The hash that links one audit entry to the one before it.
///
/// `hash = SHA-256(previous hash || canonical bytes)`, where the canonical bytes are every column of the
/// entry (id, user, at, record kind and id, action, field, before, after; then, since "v8: trust" and
/// only when either is set, the tag `v8`, who operated an `--as` and the record's state digest), each written as a presence
/// byte, an 8-byte big-endian length and its UTF-8 text. The first entry's previous hash is 32 zero bytes.
/// Changing, inserting or deleting any entry changes every hash after it, so `salesdesk audit verify`
/// finds the first link that no longer matches.
public enum AuditHash {
    /// The previous hash of the first entry.
    public static let genesis = Data(repeating: 0, count: 32)

    /// The columns of one entry, as stored.
    struct Fields {
        var id: Int64
        var userID: Int64?
        var at: Int64
        var recordKind: String
        var recordID: Int64
        var action: String
        var field: String?
        var before: String?
        var after: String?
        /// Who really ran the command when it acted as someone else (since "v8: trust").
        var operatedBy: String? = nil
        /// The digest of the record's audited columns after the change (since "v8: trust"), see ``AuditedState``.
        var recordState: String? = nil
    }

    /// SHA-256 over `previous` followed by the entry's canonical bytes.
    static func hash(previous: Data, _ fields: Fields) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonicalBytes(fields))
        return Data(hasher.finalize())
    }

    /// The entry's columns, length-prefixed so that no two different entries share the same bytes; built in one
    /// array (every audited write hashes one, a batch of rule firings thousands).
    static func canonicalBytes(_ fields: Fields) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160 + (fields.before?.utf8.count ?? 0) + (fields.after?.utf8.count ?? 0))
        bytes.append(contentsOf: "salesdesk-audit-v1".utf8)
        append(String(fields.id), to: &bytes)
        append(fields.userID.map(String.init), to: &bytes)
        append(String(fields.at), to: &bytes)
        append(fields.recordKind, to: &bytes)
        append(String(fields.recordID), to: &bytes)
        append(fields.action, to: &bytes)
        append(fields.field, to: &bytes)
        append(fields.before, to: &bytes)
        append(fields.after, to: &bytes)
        // Entries written before "v8: trust" have neither column, and keep the bytes (and hash) they had.
        if fields.operatedBy != nil || fields.recordState != nil {
            bytes.append(contentsOf: "v8".utf8)
            append(fields.operatedBy, to: &bytes)
            append(fields.recordState, to: &bytes)
        }
        return bytes
    }

    /// A presence byte, then (when present) an 8-byte big-endian length and the UTF-8 text.
    private static func append(_ text: String?, to bytes: inout [UInt8]) {
        guard let text else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        withUnsafeBytes(of: UInt64(text.utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: text.utf8)
    }
}
