import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Merges contact `duplicateID` into `keepID`: fills the kept contact's empty fields (never
    /// overwriting one), moves the duplicate's leads and tickets to it, and deletes the duplicate.
    ///
    /// One transaction, audited on the kept contact (each filled field, and the merge itself) and on each moved lead.
    public func mergeContacts(keep keepID: Int64, duplicate duplicateID: Int64, by user: User) throws {
        guard keepID != duplicateID else { throw DomainError.invalidField(field: "contact", reason: "cannot merge a contact into itself") }
        let at = now()
        try writer.write { db in
            guard var keep = try Contact.fetchOne(db, id: keepID) else { throw DomainError.notFound("Contact #\(keepID)") }
            guard let duplicate = try Contact.fetchOne(db, id: duplicateID) else { throw DomainError.notFound("Contact #\(duplicateID)") }
            let before = keep
            keep.email = keep.email ?? duplicate.email
            keep.phone = keep.phone ?? duplicate.phone
            keep.title = keep.title ?? duplicate.title
            keep.accountID = keep.accountID ?? duplicate.accountID
            try keep.update(db)
            let leadIDs = try Int64.fetchAll(db, sql: "SELECT id FROM lead WHERE contact_id = ?", arguments: [duplicateID])
            try db.execute(sql: "UPDATE lead SET contact_id = ? WHERE contact_id = ?", arguments: [keepID, duplicateID])
            let ticketIDs = try Int64.fetchAll(db, sql: "SELECT id FROM ticket WHERE contact_id = ?", arguments: [duplicateID])
            try db.execute(sql: "UPDATE ticket SET contact_id = ? WHERE contact_id = ?", arguments: [keepID, duplicateID])
            for ticket in try Ticket.fetchAll(db, keys: ticketIDs) { try SearchIndex.indexTicket(db, ticket) }
            try db.execute(sql: "DELETE FROM contact WHERE id = ?", arguments: [duplicateID])
            try AuditLog.changed(db, .contact(keepID), action: "merge", by: user.id, at: at, [
                .init(field: "email", before: before.email, after: keep.email),
                .init(field: "phone", before: before.phone, after: keep.phone),
                .init(field: "title", before: before.title, after: keep.title),
                .init(field: "merged_contact", before: "#\(duplicateID) \(duplicate.name)", after: nil),
            ])
            for leadID in leadIDs {
                try AuditLog.changed(db, .lead(leadID), action: "merge_contact", by: user.id, at: at, [
                    .init(field: "contact", before: duplicate.name, after: keep.name),
                ])
                try SearchIndex.indexLead(db, id: leadID)
            }
        }
    }
}
