/// A known export layout whose headers the desk maps without `--map`.
public enum ImportLayout: String, CaseIterable, Sendable {
    case template = "Sales Desk template"
    case hubspot = "HubSpot contacts"
    case salesforceAPI = "Salesforce leads (API names)"
    case salesforceLabels = "Salesforce leads (labels)"
    case pipedrive = "Pipedrive"
    case zoho = "Zoho leads"

    /// Headers of this layout and the desk fields they fill.
    public var headers: [String: ImportField] {
        switch self {
        case .template:
            Dictionary(uniqueKeysWithValues: ImportField.allCases.map { ($0.templateHeader, $0) })
        case .hubspot:
            [
                "Record ID": .externalID, "First Name": .firstName, "Last Name": .lastName, "Email": .email,
                "Phone Number": .phone, "Mobile Phone Number": .phone, "Job Title": .jobTitle, "Company Name": .company,
                "Lead Status": .status, "Contact owner": .owner, "Original Source": .source, "Country/Region": .country,
                "Number of Employees": .companySize, "Lifecycle Stage": .stage, "Create Date": .createdDate,
                "Annual Revenue": .annualRevenue, "Unsubscribed from all email": .emailOptOut,
            ]
        case .salesforceAPI:
            [
                "Id": .externalID, "FirstName": .firstName, "LastName": .lastName, "Company": .company, "Email": .email,
                "Phone": .phone, "MobilePhone": .phone, "Title": .jobTitle, "LeadSource": .source, "Status": .status,
                "OwnerId": .owner, "Description": .notes, "Country": .country, "NumberOfEmployees": .companySize,
                "AnnualRevenue": .annualRevenue, "CurrencyIsoCode": .currency, "ProductInterest__c": .productInterest,
                "DoNotCall": .doNotCall, "HasOptedOutOfEmail": .emailOptOut, "CreatedDate": .createdDate,
            ]
        case .salesforceLabels:
            [
                "Lead ID": .externalID, "First Name": .firstName, "Last Name": .lastName, "Company": .company, "Email": .email,
                "Phone": .phone, "Mobile": .phone, "Title": .jobTitle, "Lead Source": .source, "Lead Status": .status,
                "Lead Owner": .owner, "Description": .notes, "Country": .country, "No. of Employees": .companySize,
                "Annual Revenue": .annualRevenue, "Lead Currency": .currency, "Product Interest": .productInterest,
                "Do Not Call": .doNotCall, "Email Opt Out": .emailOptOut, "Created Date": .createdDate,
            ]
        case .pipedrive:
            [
                "Person - Name": .name, "Person - First name": .firstName, "Person - Last name": .lastName,
                "Person - Email - Work": .email, "Person - Email": .email, "Person - Phone - Work": .phone,
                "Person - Phone": .phone, "Person - Job title": .jobTitle, "Organization - Name": .company,
                "Deal - Title": .dealTitle, "Deal - Value": .value, "Deal - Currency of value": .currency,
                "Deal - Currency": .currency, "Deal - Stage": .stage, "Deal - Status": .status,
                "Deal - Lost reason": .lossReason, "Deal - Owner": .owner, "Deal - Expected close date": .expectedCloseDate,
                "Deal - Source channel": .source, "Organization - Number of employees": .companySize, "Deal - ID": .externalID,
                "Deal - Deal created": .createdDate, "Deal - Add time": .createdDate, "Organization - Annual revenue": .annualRevenue,
            ]
        case .zoho:
            [
                "Record Id": .externalID, "Lead Owner": .owner, "First Name": .firstName, "Last Name": .lastName,
                "Company": .company, "Email": .email, "Phone": .phone, "Mobile": .phone, "Designation": .jobTitle,
                "Title": .jobTitle, "Lead Source": .source, "Lead Status": .status, "Country": .country,
                "No. of Employees": .companySize, "Annual Revenue": .annualRevenue, "Description": .notes, "Currency": .currency,
                "Email Opt Out": .emailOptOut, "Email Opt-out": .emailOptOut, "Created Time": .createdDate,
            ]
        }
    }

    /// Headers only this layout uses (compared as ``HeaderKey``s), which decide between layouts sharing
    /// generic names: a Zoho file's "Lead Owner", "Lead Source" and "Lead Status" are Salesforce labels too,
    /// but its "Designation" is Zoho's alone.
    var signature: Set<HeaderKey> {
        let others = Set(Self.allCases.filter { $0 != self }.flatMap { $0.headers.keys.map(HeaderKey.init) })
        return Set(headers.keys.map(HeaderKey.init)).subtracting(others)
    }
}
