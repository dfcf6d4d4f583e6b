import Foundation

/// A person at an account.
public struct Contact: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var name: String
    public var email: String?
    /// E.164 when the number parsed (`+4915112345678`), else as entered.
    public var phone: String?
    public var title: String?
    public var accountID: Int64?
    public var createdAt: Date
    /// Do-not-call and email opt-out.
    public var consent: Consent
    /// The country the contact's import row named, as written.
    public var country: String?

    public init(
        id: Int64? = nil, name: String, email: String? = nil, phone: String? = nil,
        title: String? = nil, accountID: Int64? = nil, createdAt: Date, consent: Consent = .init(), country: String? = nil
    ) {
        self.consent = consent
        self.country = country
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.title = title
        self.accountID = accountID
        self.createdAt = createdAt
    }
}
