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
                "Number of Employees": .companySize, "Lifecycle Stage": .stage,
            ]
        case .salesforceAPI:
            [
                "Id": .externalID, "FirstName": .firstName, "LastName": .lastName, "Company": .company, "Email": .email,
                "Phone": .phone, "MobilePhone": .phone, "Title": .jobTitle, "LeadSource": .source, "Status": .status,
                "OwnerId": .owner, "Description": .notes, "Country": .country, "NumberOfEmployees": .companySize,
                "AnnualRevenue": .value, "CurrencyIsoCode": .currency, "ProductInterest__c": .productInterest,
            ]
        case .salesforceLabels:
            [
                "Lead ID": .externalID, "First Name": .firstName, "Last Name": .lastName, "Company": .company, "Email": .email,
                "Phone": .phone, "Mobile": .phone, "Title": .jobTitle, "Lead Source": .source, "Lead Status": .status,
                "Lead Owner": .owner, "Description": .notes, "Country": .country, "No. of Employees": .companySize,
                "Annual Revenue": .value, "Lead Currency": .currency, "Product Interest": .productInterest,
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
            ]
        case .zoho:
            [
                "Record Id": .externalID, "Lead Owner": .owner, "First Name": .firstName, "Last Name": .lastName,
                "Company": .company, "Email": .email, "Phone": .phone, "Mobile": .phone, "Designation": .jobTitle,
                "Title": .jobTitle, "Lead Source": .source, "Lead Status": .status, "Country": .country,
                "No. of Employees": .companySize, "Annual Revenue": .value, "Description": .notes, "Currency": .currency,
            ]
        }
    }

    /// Headers only this layout uses, which decide a tie between layouts sharing generic names.
    var signature: [String] {
        switch self {
        case .template: ["Deal Title", "Expected Close Date", "Product Interest", "External ID"]
        case .hubspot: ["Record ID", "Contact owner", "Original Source", "Phone Number", "Company Name"]
        case .salesforceAPI: ["FirstName", "LastName", "LeadSource", "OwnerId"]
        case .salesforceLabels: ["Lead Owner", "Lead Source", "Lead Status", "Lead ID"]
        case .pipedrive: ["Person - Name", "Organization - Name", "Deal - Value", "Deal - Stage"]
        case .zoho: ["Lead Owner", "Designation", "Record Id"]
        }
    }
}
