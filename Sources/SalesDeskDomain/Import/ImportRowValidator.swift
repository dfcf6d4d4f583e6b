import Foundation

/// Turns a raw row into an ``ImportedLead`` or the first problem that rejects it.
///
/// Rules: a lead needs a name, an email or a phone; the email must be well formed; a phone is read by
/// ``PhoneNumber/imported(_:region:)`` in the row's country (else ``phoneRegion``) and kept as written,
/// flagged, when it cannot be normalised with confidence; an unknown source becomes
/// `defaultSource` and is flagged; value, currency, company size and dates must parse; lengths follow
/// ``FieldRules``; cell text follows ``ImportText``.
public struct ImportRowValidator: Sendable {
    public var mapping: HeaderMapping
    public var pipeline: Pipeline
    public var defaultCountryCode: String
    public var defaultCurrency: CurrencyCode
    /// Used for rows without a source, and for unknown sources (flagged).
    public var defaultSource: LeadSource
    /// `--source`: every row gets this source, whatever the file says.
    public var forcedSource: LeadSource?
    /// Where national phone numbers are read when the row names no known country.
    public var phoneRegion: PhoneRegion

    public init(mapping: HeaderMapping, pipeline: Pipeline = .standard, defaultCountryCode: String = "+1",
                defaultCurrency: CurrencyCode = .usd, defaultSource: LeadSource = .bulkUpload, forcedSource: LeadSource? = nil,
                phoneRegion: PhoneRegion? = nil) {
        self.mapping = mapping
        self.phoneRegion = phoneRegion ?? PhoneRegion.callingCode(defaultCountryCode)
        self.pipeline = pipeline
        self.defaultCountryCode = defaultCountryCode
        self.defaultCurrency = defaultCurrency
        self.defaultSource = defaultSource
        self.forcedSource = forcedSource
    }

    /// The validated lead, or the problem that rejects the row.
    public func validate(_ raw: RawImportRow) -> Result<ImportedLead, RowProblem> {
        do {
            return .success(try lead(from: raw))
        } catch let problem as RowProblem {
            return .failure(problem)
        } catch {
            return .failure(RowProblem(row: raw.number, column: "", reason: "\(error)"))
        }
    }

    private struct Cells {
        let raw: RawImportRow
        let mapping: HeaderMapping
        var flags: [String] = []

        mutating func text(_ field: ImportField, multiline: Bool = false) throws -> String? {
            guard let column = mapping.column(for: field), column < raw.cells.count else { return nil }
            if let reason = raw.problems[column] { throw RowProblem(row: raw.number, column: mapping.headers[column], reason: reason) }
            do {
                let cleaned = try ImportText.clean(raw.cells[column], multiline: multiline)
                if cleaned.removedControls { flags.append("\(mapping.headers[column]): control characters removed") }
                return cleaned.text.isEmpty ? nil : cleaned.text
            } catch {
                throw RowProblem(row: raw.number, column: mapping.headers[column], reason: error.description)
            }
        }

        func problem(_ field: ImportField, _ reason: String) -> RowProblem {
            RowProblem(row: raw.number, column: header(field), reason: reason)
        }

        /// The file's header for `field`, or the template's when the field is not mapped.
        func header(_ field: ImportField) -> String {
            mapping.column(for: field).map { mapping.headers[$0] } ?? field.templateHeader
        }

        /// FieldRules' checks, with the column named.
        func checked(_ field: ImportField, _ check: () throws -> String?) throws -> String? {
            do {
                return try check()
            } catch DomainError.invalidField(_, let reason) {
                throw problem(field, reason)
            }
        }
    }

    private func lead(from raw: RawImportRow) throws -> ImportedLead {
        let headerCount = mapping.headers.count
        if raw.cells.count > headerCount, raw.cells[headerCount...].contains(where: { $0 == nil || !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw RowProblem(row: raw.number, column: "", reason: "has \(raw.cells.count) cells; the header has \(headerCount)")
        }
        var cells = Cells(raw: raw, mapping: mapping)
        let fullName = try cells.text(.name)
        let first = try cells.text(.firstName)
        let last = try cells.text(.lastName)
        let name = fullName ?? [first, last].compactMap { $0 }.joined(separator: " ")
        let emailText = try cells.text(.email)
        let email = try cells.checked(.email) { try FieldRules.email(emailText) }
        let country = try cells.text(.country)
        let phone = try self.phone(&cells, region: country.flatMap(PhoneRegion.named) ?? phoneRegion)
        guard !name.isEmpty || email != nil || phone != nil else {
            throw RowProblem(row: raw.number, column: "", reason: "needs a name, an email or a phone")
        }
        let nameField: ImportField = fullName != nil ? .name : (first != nil ? .firstName : .lastName)
        let contactName = try cells.checked(nameField) { () throws(DomainError) in
            try FieldRules.requiredName(name.isEmpty ? (email ?? phone ?? "") : name, field: "name")
        } ?? ""
        let jobTitleText = try cells.text(.jobTitle)
        let jobTitle = try cells.checked(.jobTitle) { try FieldRules.optionalName(jobTitleText, field: "job title") }
        let companyText = try cells.text(.company)
        let company = try cells.checked(.company) { try FieldRules.optionalName(companyText, field: "company") }
        let dealText = try cells.text(.dealTitle)
        let dealTitle = try cells.checked(.dealTitle) { try FieldRules.optionalName(dealText, field: "deal title") }
            ?? "\(company ?? contactName) deal"
        let source = try self.source(&cells)
        let status = try ExternalStatus.map(stage: cells.text(.stage), status: cells.text(.status), lossText: cells.text(.lossReason), pipeline: pipeline)
        if status == nil, let unknown = try cells.text(.stage) ?? cells.text(.status) {
            cells.flags.append("stage '\(unknown)' unknown: imported as \(pipeline.name(of: .open))")
        }
        let value = try money(&cells, .value)
        let revenueText = try cells.text(.annualRevenue)
        let annualRevenue = revenueText == nil ? nil : try money(&cells, .annualRevenue)
        let consent = Consent(doNotCall: try flag(&cells, .doNotCall), emailOptOut: try flag(&cells, .emailOptOut))
        let externalID = try cells.text(.externalID)
        var createdAt: Date?
        if let text = try cells.text(.createdDate) {
            createdAt = ImportDate.parse(text)
            if createdAt == nil { cells.flags.append("\(cells.header(.createdDate)): '\(text)' is not a date; the import's date was used") }
        }
        var closeDate: Date?
        if let text = try cells.text(.expectedCloseDate) {
            closeDate = ImportDate.parse(text)
            if closeDate == nil { throw cells.problem(.expectedCloseDate, "'\(text)' is not a date (use YYYY-MM-DD)") }
        }
        let sizeText = try cells.text(.companySize)
        var size: Int?
        if let sizeText {
            size = Int(sizeText.replacingOccurrences(of: ",", with: "")).flatMap { $0 >= 0 ? $0 : nil }
            if size == nil { throw cells.problem(.companySize, "'\(sizeText)' is not a whole number") }
        }
        let notesText = try cells.text(.notes, multiline: true)
        let notes = try cells.checked(.notes) { try notesText.map { text throws(DomainError) in try FieldRules.text(text, field: "notes") } }
        let ownerText = try cells.text(.owner)
        let partner = try cells.text(.partner)
        let interest = try cells.text(.productInterest)
        let tagsText = try cells.text(.tags)
        let tags = tagsText.map { $0.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        return ImportedLead(
            row: raw.number, contactName: contactName, email: email, emailKey: email.map(DedupeKey.email), phone: phone,
            jobTitle: jobTitle, company: company, dealTitle: dealTitle, namesDeal: dealText != nil, source: source, partner: partner, ownerText: ownerText,
            stage: status?.stage ?? .open, lossReason: status?.lossReason, value: value, expectedCloseDate: closeDate,
            tags: tags, country: country, productInterest: interest, companySize: size, notes: notes,
            externalID: externalID, annualRevenue: annualRevenue, consent: consent, createdAt: createdAt, flags: cells.flags)
    }

    private func phone(_ cells: inout Cells, region: PhoneRegion) throws -> String? {
        guard let text = try cells.text(.phone) else { return nil }
        switch PhoneNumber.imported(text, region: region) {
        case .e164(let number): return number
        case .asWritten(let number):
            cells.flags.append("\(cells.header(.phone)): '\(number)' kept as written (its country cannot be told)")
            return number
        case nil: throw cells.problem(.phone, "'\(text)' is not a phone number")
        }
    }

    private func flag(_ cells: inout Cells, _ field: ImportField) throws -> Bool {
        let text = try cells.text(field)
        guard let value = Consent.flag(text) else { throw cells.problem(field, "'\(text ?? "")' is not yes or no (true/false, 1/0)") }
        return value
    }

    private func source(_ cells: inout Cells) throws -> LeadSource {
        if let forcedSource { return forcedSource }
        guard let text = try cells.text(.source) else { return defaultSource }
        if let known = ImportSourceNames.source(for: text) { return known }
        cells.flags.append("source '\(text)' unknown: imported as \(defaultSource.label)")
        return defaultSource
    }

    private func money(_ cells: inout Cells, _ field: ImportField) throws -> Money {
        let currencyText = try cells.text(.currency)
        var currency = defaultCurrency
        if let currencyText {
            guard let code = CurrencyCode(rawValue: currencyText) else { throw cells.problem(.currency, "'\(currencyText)' is not a three-letter currency code") }
            currency = code
        }
        guard let valueText = try cells.text(field) else { return .zero(currency) }
        do {
            return try Money.parse(valueText, currency: currency)
        } catch DomainError.invalidField(_, let reason) {
            throw cells.problem(field, "'\(valueText)' \(reason)")
        } catch {
            throw cells.problem(field, "'\(valueText)' is not an amount (digits, optional decimals, no negative values)")
        }
    }
}
