import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk contact merge KEEP DUPLICATE`.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Work with contacts.", subcommands: [Show.self, Merge.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a contact with its consent flags (do not call, email opt-out).")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Contact id.") var id: Int64
        @Flag(help: "Print JSON.") var json = false

        /// `contact show --json`.
        struct Output: Encodable {
            var id: Int64
            var name: String
            var email: String?
            var phone: String?
            var jobTitle: String?
            var country: String?
            var consent: Consent
        }

        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true)
            guard let contact = try database.contact(id) else { throw ValidationError("There is no contact #\(id).") }
            let output = Output(id: id, name: contact.name, email: contact.email, phone: contact.phone, jobTitle: contact.title,
                                country: contact.country, consent: contact.consent)
            if json { return try JSONOutput.print(output) }
            let lines = [
                "Contact #\(id)  \(contact.name)",
                "  reach:   \([contact.email, contact.phone, contact.title, contact.country].compactMap { $0 }.joined(separator: " · "))",
                "  consent: \(contact.consent.labels.isEmpty ? "no restrictions" : contact.consent.labels.joined(separator: " · "))",
            ]
            print(lines.map(TextTable.printable).joined(separator: "\n"))
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a duplicate contact into another: empty fields are filled, leads and tickets move, the duplicate is deleted.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "Contact id to keep.") var keep: Int64
        @Argument(help: "Contact id to merge into it.") var duplicate: Int64

        func run() throws {
            let database = try options.openDatabase()
            try database.mergeContacts(keep: keep, duplicate: duplicate, by: try options.currentUser(in: database))
            print("Merged contact #\(duplicate) into #\(keep).")
        }
    }
}
