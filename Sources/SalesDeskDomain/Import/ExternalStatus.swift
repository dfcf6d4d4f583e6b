import Foundation

/// Where a stage or status value from another CRM puts a lead in the desk's pipeline.
///
/// HubSpot lead statuses, Salesforce and Zoho lead statuses, and Pipedrive deal stages and statuses
/// each map to a desk stage; a lost or disqualified record arrives Lost with a reason.
public struct ExternalStatus: Equatable, Sendable {
    public var stage: StageKey
    public var lossReason: LossReason?

    public init(stage: StageKey, lossReason: LossReason? = nil) {
        self.stage = stage
        self.lossReason = lossReason
    }

    /// Maps a stage value and a status value (either may be blank) to a desk stage, or nil when neither is known.
    ///
    /// The most specific value the row carries wins: a closed one (won, lost) from either column, else the
    /// one further along the pipeline (HubSpot's Lead Status `Connected` over its Lifecycle Stage `Lead`;
    /// Pipedrive's stage `Proposal Made` over its status `open`). A lost record uses `lossText` (a
    /// Pipedrive "Lost reason") when it names a desk reason, else `Other: <text>`.
    public static func map(stage: String?, status: String?, lossText: String?, pipeline: Pipeline) -> ExternalStatus? {
        let fromStatus = known(status, pipeline: pipeline)
        let fromStage = known(stage, pipeline: pipeline)
        let closed = [fromStatus, fromStage].compactMap { $0 }.first { $0.stage == .won || $0.stage == .lost }
        let open = [fromStatus, fromStage].compactMap { $0 }.max { pipeline.allKeys.firstIndex(of: $0.stage) ?? 0 < pipeline.allKeys.firstIndex(of: $1.stage) ?? 0 }
        guard let chosen = closed ?? open else { return nil }
        return chosen.stage == .lost ? ExternalStatus(stage: .lost, lossReason: reason(lossText) ?? chosen.lossReason) : chosen
    }

    /// One column's value: a known CRM value, else a desk stage name or key; nil when blank or unknown.
    private static func known(_ text: String?, pipeline: Pipeline) -> ExternalStatus? {
        guard let text, !HeaderKey(text).text.isEmpty else { return nil }
        if let known = table[HeaderKey(text)] { return known }
        guard let key = try? pipeline.stage(named: text) else { return nil }
        return ExternalStatus(stage: key, lossReason: key == .lost ? .other("Lost before import") : nil)
    }

    private static func reason(_ text: String?) -> LossReason? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return (try? LossReason.parse(text)) ?? .other(text.trimmingCharacters(in: .whitespaces))
    }

    /// Values seen in HubSpot, Salesforce, Zoho and Pipedrive exports.
    private static let table: [HeaderKey: ExternalStatus] = ([
        // HubSpot lead status and lifecycle stage
        "New": .init(stage: .open), "Open": .init(stage: .open), "Lead": .init(stage: .open), "Subscriber": .init(stage: .open),
        "In Progress": .init(stage: .firstContact), "Attempted to contact": .init(stage: .firstContact),
        "Connected": .init(stage: .connected), "Open Deal": .init(stage: .connected),
        "Marketing Qualified Lead": .init(stage: .open), "Sales Qualified Lead": .init(stage: .connected),
        "MQL": .init(stage: .open), "SQL": .init(stage: .connected), "Evangelist": .init(stage: .won),
        "Opportunity": .init(stage: .demoScheduled), "Customer": .init(stage: .won),
        "Unqualified": .init(stage: .lost, lossReason: .other("Unqualified")),
        "Bad Timing": .init(stage: .lost, lossReason: .timingNotRight),
        // Salesforce lead status
        "Open - Not Contacted": .init(stage: .open), "Working - Contacted": .init(stage: .firstContact),
        "Closed - Converted": .init(stage: .won), "Closed - Not Converted": .init(stage: .lost, lossReason: .other("Not converted")),
        // Zoho lead status
        "Not Contacted": .init(stage: .open), "Attempted to Contact": .init(stage: .firstContact),
        "Contact in Future": .init(stage: .firstContact), "Contacted": .init(stage: .connected),
        "Pre-Qualified": .init(stage: .connected), "Not Qualified": .init(stage: .lost, lossReason: .other("Not qualified")),
        "Junk Lead": .init(stage: .lost, lossReason: .other("Junk lead")), "Lost Lead": .init(stage: .lost, lossReason: .other("Lost lead")),
        // Pipedrive deal stages (default pipeline) and statuses
        "Lead In": .init(stage: .open), "Contact Made": .init(stage: .firstContact), "Qualified": .init(stage: .connected),
        "Demo Scheduled": .init(stage: .demoScheduled), "Proposal Made": .init(stage: .proposalSent),
        "Negotiations Started": .init(stage: .negotiation),
        "Won": .init(stage: .won), "Lost": .init(stage: .lost, lossReason: .other("Lost before import")),
    ] as [String: ExternalStatus]).reduce(into: [:]) { $0[HeaderKey($1.key)] = $1.value }
}
