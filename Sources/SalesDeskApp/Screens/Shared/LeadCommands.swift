import SalesDeskDomain

/// Lead commands shared by the screens that show leads (Leads, a lead, the board, the agenda).
enum LeadCommands {
    /// `>`: the next open stage of the pipeline (``Pipeline/nextStage(after:)``); closing is a choice (`m`).
    static func nextStage(_ lead: Lead, name: String, _ context: inout ScreenContext) -> [Effect] {
        let pipeline = context.session.pipeline
        guard let id = lead.id, let next = pipeline.nextStage(after: lead.stage) else {
            let why = pipeline.isOpen(lead.stage) ? "choose Won or Lost with m" : "a closed lead has no next stage"
            context.say("\(name) is \(pipeline.name(of: lead.stage)): \(why).", error: true)
            return [.bell]
        }
        return [.write(.moveLeads([id], to: next, lossReason: nil))]
    }
}
