/// Source values other systems write (HubSpot original source, Salesforce and Zoho lead source,
/// Pipedrive source channel) and the desk source each becomes.
public enum ImportSourceNames {
    /// The desk source for `text`, or nil when neither the desk nor the table knows it.
    public static func source(for text: String) -> LeadSource? {
        LeadSource(rawValue: text) ?? LeadSource.parse(text) ?? table[HeaderKey(text)]
    }

    private static let table: [HeaderKey: LeadSource] = ([
        "Web": .websiteForm, "Website": .websiteForm, "Web Form": .websiteForm, "Organic Search": .websiteForm,
        "Direct Traffic": .websiteForm, "Web Site": .websiteForm, "Inbound": .websiteForm,
        "Paid Social": .facebookAd, "Social Media": .facebookAd, "Facebook": .facebookAd, "Paid Search": .facebookAd,
        "Advertisement": .facebookAd,
        "Referral": .partnerReferral, "Partner": .partnerReferral, "Partner Referral": .partnerReferral,
        "External Referral": .partnerReferral, "Employee Referral": .partnerReferral,
        "Trade Show": .event, "Seminar": .event, "Webinar": .event, "Conference": .event,
        "Email Marketing": .email, "Email Campaign": .email, "Chat": .email,
        "Cold Call": .manual, "Phone Inquiry": .manual, "Offline Sources": .manual, "Other": .manual,
        "Import": .bulkUpload, "List": .bulkUpload, "Purchased List": .bulkUpload,
    ] as [String: LeadSource]).reduce(into: [:]) { $0[HeaderKey($1.key)] = $1.value }
}
