import Foundation

/// A terminal colour: the terminal's default, one of the 16 ANSI colours, one of 256, or true colour.
public enum Color: Hashable, Sendable {
    case `default`
    case ansi(UInt8)
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The colour as it can be shown with a capability: true colour falls back to the nearest of 256,
    /// 256 to the nearest of 16; monochrome drops colour.
    public func adapted(to capability: ColorCapability) -> Color {
        switch (self, capability) {
        case (.default, _), (_, .truecolor): return self
        case (_, .monochrome): return .default
        case (.rgb(let r, let g, let b), .indexed256): return .indexed(Self.nearest256(r, g, b))
        case (.rgb(let r, let g, let b), .ansi16): return .ansi(Self.nearest16(r, g, b))
        case (.indexed(let index), .ansi16): return .ansi(Self.nearest16(Self.rgbOf(index)))
        default: return self
        }
    }

    /// Parses `#rrggbb`, a number 0–255, or an ANSI name (`red`, `bright-blue`, `default`).
    public init?(text: String) {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        if lowered == "default" || lowered == "none" {
            self = .default
        } else if lowered.hasPrefix("#"), lowered.count == 7, let value = UInt32(lowered.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        } else if let index = UInt8(lowered) {
            self = index < 16 ? .ansi(index) : .indexed(index)
        } else if let index = Self.ansiNames.firstIndex(of: lowered) {
            self = .ansi(UInt8(index))
        } else {
            return nil
        }
    }

    static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    private static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ value: UInt8) -> Int { value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let gray = average > 238 ? 255 : 232 + max(0, (average - 8) / 10)
        let cubeRGB = rgbOf(UInt8(cube))
        let grayRGB = rgbOf(UInt8(min(255, gray)))
        return distance(cubeRGB, (Int(r), Int(g), Int(b))) <= distance(grayRGB, (Int(r), Int(g), Int(b))) ? UInt8(cube) : UInt8(min(255, gray))
    }

    static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 { nearest16((Int(r), Int(g), Int(b))) }

    static func nearest16(_ rgb: (Int, Int, Int)) -> UInt8 {
        UInt8(ansiRGB.indices.min { distance(ansiRGB[$0], rgb) < distance(ansiRGB[$1], rgb) } ?? 7)
    }

    static func rgbOf(_ index: UInt8) -> (Int, Int, Int) {
        switch index {
        case 0..<16: return ansiRGB[Int(index)]
        case 16..<232:
            let value = Int(index) - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[value / 36], steps[value / 6 % 6], steps[value % 6])
        default:
            let level = 8 + (Int(index) - 232) * 10
            return (level, level, level)
        }
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr * 3 + dg * dg * 4 + db * db * 2
    }
}
