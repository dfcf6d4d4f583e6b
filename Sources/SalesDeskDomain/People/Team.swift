/// A group of users with a shared queue, a manager and a working calendar.
public struct Team: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var name: String
    public var managerID: Int64?
    /// IANA time zone the team's business hours are counted in.
    public var timeZoneID: String

    public init(id: Int64? = nil, name: String, managerID: Int64? = nil, timeZoneID: String = "UTC") {
        self.id = id
        self.name = name
        self.managerID = managerID
        self.timeZoneID = timeZoneID
    }
}
