import Foundation

/// A problem in a config file, located by file, line and key so it can be fixed in an editor.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// Dotted key (`pipeline.stall_days.open`), when the problem is a value.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `config.toml:12: key 'tickets.warn_at': must be a number between 0 and 1`
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let keyPart = key.map { " key '\($0)':" } ?? ""
        return "\(location):\(keyPart) \(message)"
    }

    public var errorDescription: String? { description }
}
