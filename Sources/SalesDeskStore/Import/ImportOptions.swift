import Foundation
import SalesDeskDomain

/// What to do with a row whose contact already exists (same normalised email or phone).
public enum DuplicatePolicy: String, CaseIterable, Sendable {
    /// Leave the existing contact alone and count the row as skipped (the default).
    case skip
    /// Fill the existing contact's empty fields from the row; never overwrite, never blank.
    case merge
    /// Create a new contact and lead anyway.
    case create
}

/// How an import runs.
public struct ImportOptions: Sendable {
    /// `field=Header` overrides of the automatic mapping.
    public var mapOverrides: [String]
    /// Every row gets this source.
    public var forcedSource: LeadSource?
    /// Every lead goes to this user (handle); nil uses the owner column, then the assignment rules.
    public var ownerHandle: String?
    /// Ignore the file's owner column and assign every lead by the `[import]` rules.
    public var assignByRules: Bool
    public var onDuplicate: DuplicatePolicy
    /// Validate, dedupe and count, write nothing.
    public var dryRun: Bool
    /// Rows per transaction; nil uses the config's `import.batch_size`.
    public var batchSize: Int?
    /// `--owner-fallback`: who gets the leads whose owner cell names no desk user (nil: the assignment rules,
    /// then `import.default_owner`, then whoever imports).
    public var ownerFallback: String?
    /// `--phone-region`: where national phone numbers are read when a row names no known country
    /// (nil: the region of the config's `default_country_code`).
    public var phoneRegion: PhoneRegion?

    public init(mapOverrides: [String] = [], forcedSource: LeadSource? = nil, ownerHandle: String? = nil,
                assignByRules: Bool = false, onDuplicate: DuplicatePolicy = .skip, dryRun: Bool = false, batchSize: Int? = nil,
                ownerFallback: String? = nil, phoneRegion: PhoneRegion? = nil) {
        self.ownerFallback = ownerFallback
        self.phoneRegion = phoneRegion
        self.mapOverrides = mapOverrides
        self.forcedSource = forcedSource
        self.ownerHandle = ownerHandle
        self.assignByRules = assignByRules
        self.onDuplicate = onDuplicate
        self.dryRun = dryRun
        self.batchSize = batchSize
    }
}

/// What an import did. `read == imported + merged + skipped + rejected`.
public struct ImportSummary: Equatable, Sendable {
    /// The `import_run` row (nil for a dry run).
    public var runID: Int64?
    /// Data rows read (blank rows excluded).
    public var read = 0
    public var imported = 0
    public var merged = 0
    /// Duplicates skipped, plus rows a resumed run had already committed.
    public var skipped = 0
    public var rejected = 0
    /// Rows a resumed run found already committed by the interrupted run (part of ``skipped``).
    public var resumedRows = 0
    /// Imported leads whose name + company matches an existing contact; tagged `possible-duplicate`.
    public var possibleDuplicates = 0
    /// Imported rows with a fix-up (unknown source defaulted, control characters removed, phone kept as written, ...).
    public var flagged = 0
    /// The first rejections (up to ``firstRejectionsKept``), shown in the summary without `--rejects`.
    public var firstRejections: [RowProblem] = []
    /// How many rejections the summary shows.
    public static let firstRejectionsKept = 5
    /// Owner cells that named no desk user, with how many leads each had; those leads went to ``fallbackOwner``'s choice.
    public var unknownOwners: [String: Int] = [:]
    /// Who got the leads of ``unknownOwners``: a handle, or a description of the rule chain.
    public var fallbackOwner = ""
    public var blankRows = 0
    /// Leads per owner handle.
    public var perOwner: [String: Int] = [:]
    /// Set when the file could not be read to the end (an unterminated quote, an oversized field):
    /// the rows before the problem were imported and counted; nothing after it was read.
    public var stoppedEarly: ImportFileError?

    public init() {}
}
