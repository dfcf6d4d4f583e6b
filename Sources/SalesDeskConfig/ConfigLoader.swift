import Foundation
import SalesDeskDomain
import TOMLKit

/// Reads `config.toml` into a ``DeskConfiguration``. Every setting is optional; unknown keys are refused
/// so a typo never silently does nothing.
///
/// ```toml
/// theme = "light"
/// default_country_code = "+49"
/// [pipeline.stall_days]
/// negotiation = 21
/// [tickets.first_response_minutes]
/// critical = 15
/// [business_hours]
/// time_zone = "Europe/Berlin"
/// monday = "08:30-17:00"
/// holidays = ["2026-12-25"]
/// [reminders]
/// offsets = ["-1h", "0", "+1d"]
/// ```
public enum ConfigLoader {
    /// `$XDG_CONFIG_HOME/salesdesk/config.toml` (`~/.config/salesdesk/config.toml`).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return configHome + "/salesdesk/config.toml"
    }

    /// Loads the file at `path`; a missing file gives the defaults.
    public static func load(path: String) throws(ConfigError) -> DeskConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "cannot be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses config text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> DeskConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, key: nil, message: "TOML syntax error: \(error.description)")
        } catch {
            throw ConfigError(file: file, line: nil, key: nil, message: "\(error)")
        }
        let reader = ConfigReader(table: table, locator: TOMLKeyLocator(source: text), file: file)
        do {
            return try reader.configuration()
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: file, line: nil, key: nil, message: "\(error)")
        }
    }
}
