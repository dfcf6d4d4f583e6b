/// What a contact agreed to be contacted by: imported from Salesforce `DoNotCall` / `HasOptedOutOfEmail`,
/// Zoho "Email Opt Out", HubSpot "Unsubscribed from all email"; honoured by follow-ups and shown on the contact.
public struct Consent: Codable, Equatable, Hashable, Sendable {
    /// Do not phone this person: no call follow-ups are planned for them.
    public var doNotCall: Bool
    /// The person opted out of email.
    public var emailOptOut: Bool

    public init(doNotCall: Bool = false, emailOptOut: Bool = false) {
        self.doNotCall = doNotCall
        self.emailOptOut = emailOptOut
    }

    /// The restrictions as a salesperson reads them: `Do not call`, `Opted out of email`; empty when none.
    public var labels: [String] {
        (doNotCall ? ["Do not call"] : []) + (emailOptOut ? ["Opted out of email"] : [])
    }

    /// Reads a consent cell: `true`/`false`, `yes`/`no`, `1`/`0`, `x` (checked) and blank (not set); nil for anything else.
    public static func flag(_ text: String?) -> Bool? {
        guard let text else { return false }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "false", "no", "n", "0", "unchecked": return false
        case "true", "yes", "y", "1", "x", "checked", "opted out": return true
        default: return nil
        }
    }
}
