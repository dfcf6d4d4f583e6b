/// Where a lead came from; partner referrals credit the partner.
public enum LeadSource: String, Codable, CaseIterable, Sendable {
    case facebookAd = "facebook_ad"
    case websiteForm = "website_form"
    case manual
    case partnerReferral = "partner_referral"
    case bulkUpload = "bulk_upload"
    case event
    case email

    /// The label users see.
    public var label: String {
        switch self {
        case .facebookAd: "Facebook ad"
        case .websiteForm: "Website form"
        case .manual: "Manual entry"
        case .partnerReferral: "Partner referral"
        case .bulkUpload: "Bulk upload"
        case .event: "Event"
        case .email: "Email"
        }
    }

    /// Finds a source by code or label, ignoring case and punctuation.
    public static func parse(_ text: String) -> LeadSource? {
        let wanted = StageKey.normalised(text).rawValue
        return allCases.first { $0.rawValue == wanted || StageKey.normalised($0.label).rawValue == wanted }
    }
}
