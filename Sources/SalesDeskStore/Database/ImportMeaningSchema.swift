import GRDB

/// Migration v7: what an imported row meant, stored where it belongs.
///
/// - `contact.do_not_call`, `contact.email_opt_out`: consent flags (0/1), shown with the contact and
///   honoured by first follow-ups.
/// - `contact.country`: the country the row named.
/// - `lead.external_id`: the record's id in the system it came from, indexed so a re-import matches on it.
/// - `account.annual_revenue_minor`, `account.annual_revenue_currency`: the company's yearly revenue
///   (Salesforce `AnnualRevenue`, Zoho "Annual Revenue"), never a deal value.
enum ImportMeaningSchema {
    static let migrationName = "v7: import meaning (consent, country, external id, company revenue)"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE contact ADD COLUMN do_not_call INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE contact ADD COLUMN email_opt_out INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE contact ADD COLUMN country TEXT;
            ALTER TABLE lead ADD COLUMN external_id TEXT;
            CREATE INDEX lead_external_id ON lead(external_id) WHERE external_id IS NOT NULL;
            ALTER TABLE account ADD COLUMN annual_revenue_minor INTEGER;
            ALTER TABLE account ADD COLUMN annual_revenue_currency TEXT;
            """)
    }
}
