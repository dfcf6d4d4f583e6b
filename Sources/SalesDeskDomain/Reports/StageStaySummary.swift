import Foundation

/// One stage's stays that ended in a period, as the store reads them from its summaries: how many, their total
/// length, the one or two middle lengths (what the median is made of) and how many ran past the stage's stall
/// threshold. Lengths are in seconds.
public struct StageStaySummary: Codable, Equatable, Sendable {
    public var stage: StageKey
    public var stays: Int
    public var totalSeconds: Int64
    /// The middle length for an odd count, the two middle ones for an even count (none for no stays).
    public var middleSeconds: [Int64]
    /// Stays longer than the stage's stall threshold (0 when the stage never stalls).
    public var overThreshold: Int

    public init(stage: StageKey, stays: Int, totalSeconds: Int64, middleSeconds: [Int64], overThreshold: Int) {
        self.stage = stage
        self.stays = stays
        self.totalSeconds = totalSeconds
        self.middleSeconds = middleSeconds
        self.overThreshold = overThreshold
    }
}
