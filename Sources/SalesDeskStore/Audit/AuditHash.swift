import Crypto
import Foundation

/// The hash that links one audit entry to the one before it.
///
/// `hash = SHA-256(previous hash || canonical bytes)`, where the canonical bytes are every column of the
/// entry (id, user, at, record kind and id, action, field, before, after), each written as a presence
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
    }

    /// SHA-256 over `previous` followed by the entry's canonical bytes.
    static func hash(previous: Data, _ fields: Fields) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonicalBytes(fields))
        return Data(hasher.finalize())
    }

    /// The entry's columns, length-prefixed so that no two different entries share the same bytes.
    static func canonicalBytes(_ fields: Fields) -> Data {
        var bytes = Data("salesdesk-audit-v1".utf8)
        let texts: [String?] = [
            String(fields.id), fields.userID.map(String.init), String(fields.at), fields.recordKind, String(fields.recordID),
            fields.action, fields.field, fields.before, fields.after,
        ]
        for text in texts {
            guard let text else {
                bytes.append(0)
                continue
            }
            let utf8 = Data(text.utf8)
            bytes.append(1)
            withUnsafeBytes(of: UInt64(utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(utf8)
        }
        return bytes
    }
}
