import Foundation

/// A company the desk sells to or supports.
public struct Account: Codable, Equatable, Sendable, Identifiable {
    /// Whether the company has bought yet.
    public enum Status: String, Codable, CaseIterable, Sendable {
        case prospect, customer
    }

    public var id: Int64?
    public var name: String
    public var domain: String?
    public var industry: String?
    public var status: Status
    public var ownerID: Int64?
    /// Customer health 0–100 (nil until measured).
    public var health: Int?
    public var createdAt: Date
    /// The company's yearly revenue (imported from a CRM's company field); never a deal value.
    public var annualRevenue: Money?

    public init(
        id: Int64? = nil, name: String, domain: String? = nil, industry: String? = nil,
        status: Status = .prospect, ownerID: Int64? = nil, health: Int? = nil, createdAt: Date, annualRevenue: Money? = nil
    ) {
        self.annualRevenue = annualRevenue
        self.id = id
        self.name = name
        self.domain = domain
        self.industry = industry
        self.status = status
        self.ownerID = ownerID
        self.health = health
        self.createdAt = createdAt
    }
}
