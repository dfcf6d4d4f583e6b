import Foundation
import SalesDeskStore
import SalesDeskTesting

/// A small demo database, and the environment that points the built binary at it at a fixed instant.
struct DemoCommandLine {
    let temporary: TemporaryDatabase
    let environment: [String: String]

    /// `config` becomes `$XDG_CONFIG_HOME/salesdesk/config.toml` when given.
    init(config: String? = nil) throws {
        temporary = try TemporaryDatabase()
        try DemoDataGenerator(size: .small, seed: 1, now: temporary.clock.date).generate(into: temporary.database)
        if let config {
            let folder = temporary.directory.appendingPathComponent("salesdesk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(config.utf8).write(to: folder.appendingPathComponent("config.toml"))
        }
        environment = ["SALESDESK_DB": temporary.path, "SALESDESK_NOW": "2026-11-23T10:00:00Z", "XDG_CONFIG_HOME": temporary.directory.path]
    }

    /// Runs the binary to the end.
    func run(_ arguments: [String]) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments, environment: environment)
    }
}
