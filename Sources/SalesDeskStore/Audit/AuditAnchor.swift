import Foundation
import GRDB

/// A note of the audit chain's newest entry, kept where the desk's users cannot write (a file only the
/// admin can write, syslog): a later chain must still reach that entry with that hash. Catches what the
/// chain alone cannot: the newest entries deleted, or the chain rewritten from some entry on.
///
/// One anchor is one line: `salesdesk-audit-anchor entry=1234 hash=<64 hex> at=2026-11-30T02:00:00Z`.
public struct AuditAnchor: Equatable, Sendable {
    /// The newest entry's id, which is also the number of entries (ids are consecutive from 1).
    public var entryID: Int64
    /// That entry's hash.
    public var hash: Data
    /// When the anchor was taken.
    public var madeAt: Date

    public init(entryID: Int64, hash: Data, madeAt: Date) {
        self.entryID = entryID
        self.hash = hash
        self.madeAt = madeAt
    }

    /// The hash as 64 lowercase hex digits.
    public var hashHex: String { hash.lowercaseHex }

    /// The anchor as one line of an anchor file.
    public var line: String { "salesdesk-audit-anchor entry=\(entryID) hash=\(hashHex) at=\(madeAt.ISO8601Format())" }

    /// Parses a line written by ``line``; nil for anything else.
    public static func parse(line: String) -> AuditAnchor? {
        var fields: [String: String] = [:]
        let words = line.split(separator: " ")
        guard words.first == "salesdesk-audit-anchor" else { return nil }
        for word in words.dropFirst() {
            let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let id = fields["entry"].flatMap(Int64.init), id > 0, let hash = fields["hash"].flatMap(hexData),
              let at = fields["at"].flatMap({ try? Date($0, strategy: .iso8601) }) else { return nil }
        return AuditAnchor(entryID: id, hash: hash, madeAt: at)
    }

    /// 64 hex digits as 32 bytes; nil for anything else.
    public static func hexData(_ text: String) -> Data? {
        let digits = Array(text.utf8)
        guard digits.count == 64 else { return nil }
        var bytes = Data()
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}

/// Why a chain does not reach an anchor.
public enum AuditAnchorMiss: Error, Equatable, Sendable, CustomStringConvertible {
    /// The chain ends before the anchored entry: newest entries were deleted (or the file is an older copy).
    case chainTooShort(anchor: AuditAnchor, entries: Int64)
    /// The anchored entry is there but has another hash: the chain was rewritten from it or before it.
    case hashDiffers(anchor: AuditAnchor)
    /// No entry has the anchored hash (an anchor given as a bare hash).
    case hashNotFound(hash: String)

    public var description: String {
        switch self {
        case .chainTooShort(let anchor, let entries):
            "the audit log has \(entries) entries but the anchor of \(anchor.madeAt.ISO8601Format()) saw entry #\(anchor.entryID): newer entries were deleted, or this is an older copy"
        case .hashDiffers(let anchor):
            "audit entry #\(anchor.entryID) no longer has the hash anchored at \(anchor.madeAt.ISO8601Format()): the log was rewritten from that entry or before it"
        case .hashNotFound(let hash):
            "no audit entry has the hash \(hash): the entry was deleted or the log was rewritten"
        }
    }
}

extension AppDatabase {
    /// Takes an anchor of the chain's newest entry after checking the whole chain, and remembers it in
    /// the file (so ``AppDatabase/restore(from:to:configuration:force:now:)`` can refuse older copies).
    /// Nil when the log is empty; throws when the chain is broken (an anchor of a broken chain proves nothing).
    public func takeAuditAnchor() throws -> AuditAnchor? {
        try writer.write { db in
            let report = try AuditChainWalk.verify(db)
            if let broken = report.firstBreak { throw AuditChainBroken(report: report, firstBreak: broken) }
            guard let hash = report.headHash else { return nil }
            let anchor = AuditAnchor(entryID: Int64(report.entriesChecked), hash: hash, madeAt: now())
            try db.execute(sql: "INSERT INTO audit_anchor (entry_id, hash, made_at) VALUES (?, ?, ?)",
                           arguments: [anchor.entryID, anchor.hash, anchor.madeAt.epochSeconds])
            return anchor
        }
    }

    /// The newest anchor this file remembers.
    public func newestAuditAnchor() throws -> AuditAnchor? {
        try writer.read { db in try AuditAnchorCheck.newest(db) }
    }

    /// Checks that the chain still reaches `anchor`'s entry with its hash (the chain itself is checked by
    /// ``verifyAuditChain()``).
    public func check(_ anchor: AuditAnchor) throws -> AuditAnchorMiss? {
        try writer.read { db in try AuditAnchorCheck.check(db, anchor) }
    }

    /// Finds the entry with `hash`: the anchor to check when only a hash was written down.
    public func auditAnchor(forHash hash: Data) throws -> AuditAnchor? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, at FROM audit_entry WHERE hash = ?", arguments: [hash]).map {
                AuditAnchor(entryID: $0["id"], hash: hash, madeAt: Date(epochSeconds: $0["at"]))
            }
        }
    }
}

/// The checks shared by the live file and a backup being inspected.
enum AuditAnchorCheck {
    static func newest(_ db: Database) throws -> AuditAnchor? {
        guard try db.tableExists("audit_anchor") else { return nil }
        return try Row.fetchOne(db, sql: "SELECT entry_id, hash, made_at FROM audit_anchor ORDER BY entry_id DESC, id DESC LIMIT 1").map {
            AuditAnchor(entryID: $0["entry_id"], hash: $0["hash"], madeAt: Date(epochSeconds: $0["made_at"]))
        }
    }

    static func check(_ db: Database, _ anchor: AuditAnchor) throws -> AuditAnchorMiss? {
        guard let stored = try Data.fetchOne(db, sql: "SELECT hash FROM audit_entry WHERE id = ?", arguments: [anchor.entryID]) else {
            let entries = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_entry") ?? 0
            return .chainTooShort(anchor: anchor, entries: entries)
        }
        return stored == anchor.hash ? nil : .hashDiffers(anchor: anchor)
    }
}

/// An anchor was asked of a chain that is broken.
public struct AuditChainBroken: Error, CustomStringConvertible {
    public var report: AuditChainReport
    public var firstBreak: AuditChainReport.Break
    public var description: String { "the audit chain is broken at \(firstBreak); no anchor was taken" }
}
