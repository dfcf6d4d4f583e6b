import SalesDeskDomain

/// Lead commands shared by the screens that show leads (Leads, a lead, the board, the agenda).
enum LeadCommands {
    /// `>`: the next stage of the pipeline (Won after the last open stage); closed leads have none.
    static func nextStage(_ lead: Lead, name: String, _ context: inout ScreenContext) -> [Effect] {
        let pipeline = context.session.pipeline
        guard let id = lead.id, let index = pipeline.openStages.firstIndex(where: { $0.key == lead.stage }) else {
            context.say("\(name) is \(pipeline.name(of: lead.stage)): a closed lead has no next stage.", error: true)
            return [.bell]
        }
        let next = index + 1 < pipeline.openStages.count ? pipeline.openStages[index + 1].key : StageKey.won
        return [.write(.moveLeads([id], to: next, lossReason: nil))]
    }
}
