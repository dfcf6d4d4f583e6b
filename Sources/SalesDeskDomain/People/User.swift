/// A person who uses the desk: one role, one team, optionally a manager.
public struct User: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    /// Login handle, matched against the OS login name (`ana`, `kenji`).
    public var handle: String
    public var name: String
    public var email: String
    public var role: Role
    public var teamID: Int64?
    public var managerID: Int64?
    /// IANA time zone identifier the user sees times in.
    public var timeZoneID: String
    public var isActive: Bool

    public init(
        id: Int64? = nil, handle: String, name: String, email: String, role: Role,
        teamID: Int64? = nil, managerID: Int64? = nil, timeZoneID: String = "UTC", isActive: Bool = true
    ) {
        self.id = id
        self.handle = handle
        self.name = name
        self.email = email
        self.role = role
        self.teamID = teamID
        self.managerID = managerID
        self.timeZoneID = timeZoneID
        self.isActive = isActive
    }
}
