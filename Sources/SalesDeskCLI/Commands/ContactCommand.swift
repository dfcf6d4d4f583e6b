import ArgumentParser
import SalesDeskStore

/// `salesdesk contact merge KEEP DUPLICATE`.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Work with contacts.", subcommands: [Merge.self])

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
