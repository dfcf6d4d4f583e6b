/// One open stage of the pipeline: its name, when it counts as stalled, and its forecast weight.
public struct StageDefinition: Codable, Equatable, Sendable {
    /// Where the stall clock of a stage starts.
    public enum StallAnchor: String, Codable, Sendable {
        /// Days since the lead entered the stage or was last touched, whichever is later.
        case lastTouch
        /// Days past the scheduled demo (the lead's next planned meeting); falls back to last touch.
        case scheduledMeeting
    }

    public var key: StageKey
    public var name: String
    /// Days in the stage with no activity before the owner is nudged; nil never stalls.
    public var stallDays: Int?
    public var stallAnchor: StallAnchor
    /// Probability of winning from this stage, in percent, for the weighted forecast.
    public var winProbability: Int

    public init(key: StageKey, name: String, stallDays: Int?, stallAnchor: StallAnchor = .lastTouch, winProbability: Int) {
        self.key = key
        self.name = name
        self.stallDays = stallDays
        self.stallAnchor = stallAnchor
        self.winProbability = winProbability
    }
}
