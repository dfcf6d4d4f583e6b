/// A screen's identity: each screen module declares its own (`extension ScreenID { static let leads = ScreenID("leads") }`),
/// so adding a screen never edits a shared enum.
public struct ScreenID: Hashable, Sendable, CustomStringConvertible {
    /// A stable name, used in tests and logs; never shown to users.
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }
}
