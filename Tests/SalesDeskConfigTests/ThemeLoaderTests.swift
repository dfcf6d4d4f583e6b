import Foundation
import SalesDeskConfig
import TerminalUI
import Testing

@Suite("Theme files")
struct ThemeLoaderTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    @Test("the four shipped themes load and define every role", arguments: ["default", "light", "high-contrast", "mono"])
    func shippedThemes(name: String) throws {
        let theme = try ThemeLoader.load(named: name, environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        for role in ThemeRole.all {
            #expect(theme.styles[role] != nil, "\(name) lacks \(role)")
        }
    }

    @Test("the themes built into the binary are exactly the files in Themes/")
    func embeddedCopiesMatch() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(ThemeLoader.builtInNames))
        for file in files {
            let name = String(file.dropLast(5))
            let onDisk = try String(contentsOf: Self.themesFolder.appendingPathComponent(file), encoding: .utf8)
            let fromDisk = try ThemeLoader.parse(onDisk, name: name, file: file)
            let builtIn = try ThemeLoader.load(named: name, environment: ["XDG_CONFIG_HOME": "/nonexistent"])
            #expect(fromDisk.styles == builtIn.styles, "Themes/\(file) changed: run Scripts/embed-themes.sh")
        }
    }

    @Test("a missing role falls back to the default theme's")
    func fallback() throws {
        let theme = try ThemeLoader.parse("[roles]\ntext = \"red\"\n", name: "tiny", file: "tiny.toml")
        #expect(theme.style("text").foreground == .ansi(1))
        #expect(theme.style("sla.breached") == ThemeLoader.standard.style("sla.breached"))
    }

    @Test("a broken theme names file, line and key", arguments: [
        ("[palette]\nbg = \"#12\"\n[roles]\ntext = \"bg\"\n", 2, "palette.bg"),
        ("[roles]\ntext = \"red\"\nselection = { fg = \"nope\" }\n", 3, "roles.selection"),
        ("[roles]\nsparkle = \"red\"\n", 2, "roles.sparkle"),
    ])
    func broken(text: String, line: Int, key: String) {
        do {
            _ = try ThemeLoader.parse(text, name: "broken", file: "broken.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line)
            #expect(error.key == key)
            #expect(error.description.hasPrefix("broken.toml:\(line): key '\(key)'"))
        }
    }

    @Test("an unknown theme name lists the available ones")
    func unknownName() {
        do {
            _ = try ThemeLoader.load(named: "neon", environment: ["XDG_CONFIG_HOME": "/nonexistent"])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("default, high-contrast, light, mono"))
        }
    }
}
