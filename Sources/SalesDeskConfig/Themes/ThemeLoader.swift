import Foundation
import TerminalUI
import TOMLKit

/// Reads theme files (TOML: a `[palette]` of named colours and a `[roles]` table) into ``Theme``s.
///
/// ```toml
/// [palette]
/// bg = "#1e1e2e"
/// blue = "#89b4fa"
/// [roles]
/// text = "fg"                                  # foreground only
/// selection = { fg = "bg", bg = "blue", modifiers = ["bold"] }
/// "stage.won" = { fg = "green", modifiers = ["bold"] }
/// ```
/// Colours are palette names, `#rrggbb`, 0–255 or ANSI names. A role a theme leaves out falls back to
/// the default theme's. A broken file gives a ``ConfigError`` naming the file, line and key.
public enum ThemeLoader {
    /// Names of the themes built into the binary.
    public static var builtInNames: [String] { BuiltinThemes.sources.keys.sorted() }

    /// Resolves a theme by name: `$XDG_CONFIG_HOME/salesdesk/themes/NAME.toml` first, then the built-ins.
    public static func load(named name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> Theme {
        let userFile = (ConfigLoader.defaultPath(environment: environment) as NSString).deletingLastPathComponent + "/themes/\(name).toml"
        if FileManager.default.fileExists(atPath: userFile) {
            guard let text = FileManager.default.contents(atPath: userFile).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw ConfigError(file: userFile, line: nil, key: nil, message: "cannot be read as UTF-8 text")
            }
            return try parse(text, name: name, file: userFile)
        }
        guard let source = BuiltinThemes.sources[name] else {
            throw ConfigError(file: "theme", line: nil, key: nil,
                              message: "no theme named '\(name)'; available: \(builtInNames.joined(separator: ", ")) or a file \(userFile)")
        }
        return try parse(source, name: name, file: "Themes/\(name).toml")
    }

    /// The default theme (always loads: it is built in and tested).
    public static var standard: Theme {
        (try? parse(BuiltinThemes.sources["default"] ?? "", name: "default", file: "Themes/default.toml")) ?? .plain
    }

    /// Parses theme text; `file` names it in errors.
    public static func parse(_ text: String, name: String, file: String) throws(ConfigError) -> Theme {
        let locator = TOMLKeyLocator(source: text)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, key: nil, message: "TOML syntax error: \(error.description)")
        } catch {
            throw ConfigError(file: file, line: nil, key: nil, message: "\(error)")
        }
        func fail(_ key: String, _ message: String) -> ConfigError {
            ConfigError(file: file, line: locator.line(of: key), key: key, message: message)
        }
        var palette: [String: Color] = [:]
        if let paletteTable = table["palette"]?.table {
            for key in paletteTable.keys {
                guard let text = paletteTable[key]?.string, let color = Color(text: text) else {
                    throw fail("palette.\(key)", "must be a colour: \"#rrggbb\", 0–255 or an ANSI name")
                }
                palette[key] = color
            }
        }
        func color(_ text: String, key: String) throws(ConfigError) -> Color {
            if let named = palette[text] { return named }
            guard let color = Color(text: text) else { throw fail(key, "'\(text)' is neither a palette name nor a colour") }
            return color
        }
        var styles: [String: Style] = [:]
        guard let roles = table["roles"]?.table else {
            throw ConfigError(file: file, line: nil, key: "roles", message: "a theme needs a [roles] table")
        }
        for role in roles.keys {
            let key = "roles.\(role)"
            guard ThemeRole.all.contains(role) else { throw fail(key, "unknown role; roles: \(ThemeRole.all.joined(separator: ", "))") }
            if let text = roles[role]?.string {
                styles[role] = Style(foreground: try color(text, key: key))
                continue
            }
            guard let spec = roles[role]?.table else { throw fail(key, "must be a colour or { fg = ..., bg = ..., modifiers = [...] }") }
            var style = Style()
            if let fg = spec["fg"]?.string { style.foreground = try color(fg, key: key) }
            if let bg = spec["bg"]?.string { style.background = try color(bg, key: key) }
            for modifier in spec["modifiers"]?.array.map({ Array($0) }) ?? [] {
                switch modifier.string {
                case "bold": style.attributes.insert(.bold)
                case "dim": style.attributes.insert(.dim)
                case "underline": style.attributes.insert(.underline)
                case "reverse": style.attributes.insert(.reverse)
                case "italic": style.attributes.insert(.italic)
                default: throw fail(key, "modifiers may be bold, dim, underline, reverse, italic")
                }
            }
            styles[role] = style
        }
        let fallback = name == "default" ? [:] : standard.styles
        return Theme(name: name, styles: styles, fallback: fallback)
    }
}
