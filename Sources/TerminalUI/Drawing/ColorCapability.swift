/// How many colours a terminal can show.
public enum ColorCapability: String, Sendable, CaseIterable {
    case truecolor, indexed256, ansi16, monochrome

    /// Decides from the environment: `NO_COLOR` (any value) or `--no-color` → monochrome;
    /// `COLORTERM=truecolor|24bit` → true colour; a `TERM` with `256color` → 256; `dumb` → monochrome;
    /// otherwise 16. `colorsReported` is what the terminal library says it supports, when known.
    public static func detect(environment: [String: String], noColorFlag: Bool, colorsReported: Int? = nil) -> ColorCapability {
        if noColorFlag || environment["NO_COLOR"] != nil { return .monochrome }
        let term = environment["TERM"] ?? ""
        if term == "dumb" || colorsReported.map({ $0 < 8 }) == true { return .monochrome }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
        if term.contains("256color") || (colorsReported ?? 0) >= 256 { return .indexed256 }
        return .ansi16
    }
}
