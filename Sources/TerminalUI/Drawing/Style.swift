/// How a cell is drawn: colours and attributes.
public struct Style: Hashable, Sendable {
    /// Text attributes.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let reverse = Attributes(rawValue: 8)
        public static let italic = Attributes(rawValue: 16)
    }

    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// This style with extra attributes.
    public func with(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// The style as a terminal with `capability` can show it. Monochrome keeps attributes only, and turns a
    /// background that stands out from the screen's own (`base`: a selection, a status bar) into reverse video;
    /// ordinary text painted on the screen's background stays ordinary.
    public func adapted(to capability: ColorCapability, base: Color = .default) -> Style {
        guard capability == .monochrome else {
            return Style(foreground: foreground.adapted(to: capability), background: background.adapted(to: capability), attributes: attributes)
        }
        var attributes = attributes
        if background != .default && background != base { attributes.insert(.reverse) }
        return Style(attributes: attributes)
    }
}
