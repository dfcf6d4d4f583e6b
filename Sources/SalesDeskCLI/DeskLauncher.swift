import ArgumentParser
import Foundation

/// Opens the interactive desk on a terminal.
struct DeskLauncher {
    var options: DeskOptions
    var theme: String?
    var noColor: Bool

    func run() throws {
        let database = try options.openDatabase(allowReadOnly: true)
        let user = try options.currentUser(in: database)
        print("The interactive desk is not built yet. Signed in as \(user.handle) on \(database.path).")
        print("Meanwhile: salesdesk agenda --as \(user.handle), salesdesk lead list, salesdesk ticket list.")
    }
}
