import SalesDeskDomain

/// The reports a reader can run, in the order the Reports screen lists them.
public enum ReportName: String, CaseIterable, Codable, Sendable {
    case forecast
    case forecastMoves = "forecast-moves"
    case forecastAccuracy = "forecast-accuracy"
    case winLoss = "win-loss"
    case funnel
    case stageSpeed = "stage-speed"
    case activity
    case sources
    case support
    case scorecard

    /// The title users see in the report list.
    public var title: String {
        switch self {
        case .forecast: "Forecast against quota"
        case .forecastMoves: "What moved since Monday"
        case .forecastAccuracy: "Forecast accuracy"
        case .winLoss: "Win/loss and loss reasons"
        case .funnel: "Funnel and conversion"
        case .stageSpeed: "Stage speed and velocity"
        case .activity: "Activity per rep"
        case .sources: "Lead sources"
        case .support: "Support SLA and backlog"
        case .scorecard: "Scorecard"
        }
    }

    /// One line on what the report answers.
    public var summary: String {
        switch self {
        case .forecast: "What will close this period, weighted by stage, by category, against quota"
        case .forecastMoves: "Deals into or out of Commit, slipped close dates, value changes since this week's snapshot"
        case .forecastAccuracy: "What each Monday's forecast said about the period against what was won"
        case .winLoss: "Win rate and why deals were lost, by rep, source and stage"
        case .funnel: "How far the leads created in the period got, stage by stage"
        case .stageSpeed: "Days spent in each stage and how fast the pipeline turns into revenue"
        case .activity: "Calls, e-mails and meetings done, on time, overdue and rescheduled"
        case .sources: "Leads, conversion and won value by source"
        case .support: "First-response SLA, breaches, resolution times and backlog"
        case .scorecard: "Each rep's figures at a glance"
        }
    }

    /// The period a report shows when none is asked for.
    public var defaultPeriod: ReportPeriod.Kind {
        switch self {
        case .forecast, .forecastAccuracy, .winLoss, .funnel, .sources, .scorecard: .quarter
        case .stageSpeed, .support: .month
        case .activity, .forecastMoves: .week
        }
    }
}

/// How a report's table is written out.
public enum ReportFormat: String, CaseIterable, Codable, Sendable {
    case table, csv, json, md
}
