import Foundation

/// The time buckets of the report summaries, and how a period is read from them exactly.
///
/// Each summed event sits in three buckets of UTC time: its hour, its day and its month. A period is read as a few
/// pieces, each a run of whole buckets of one level added or taken away: the months between the month boundaries
/// nearest its ends, corrected by days and then hours up to its exact ends. A quarter cut in Berlin time is three UTC
/// months, less the hour before its end, plus the hour before its start. Periods whose ends are not whole UTC hours
/// (time zones 30 or 45 minutes off) are not read from the summaries (``pieces(from:to:)`` returns nil).
enum SummaryBuckets {
    /// `close_date` of open deals without an expected close date (outside every period).
    static let undated = Int64.min

    /// One run of buckets `[lower, upper)` of a level, added (`sign` 1) or taken away (-1).
    struct Piece: Equatable {
        var level: Level
        var lower: Int64
        var upper: Int64
        var sign: Int64
    }

    enum Level: Int, CaseIterable {
        case hour = 0, day = 1, month = 2

        /// The bucket holding `seconds` since 1970 (not negative).
        func bucket(_ seconds: Int64) -> Int64 {
            switch self {
            case .hour: return seconds / 3_600
            case .day: return seconds / 86_400
            case .month:
                let components = SummaryBuckets.calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
                return Int64(components.year! * 12 + components.month! - 1)
            }
        }

        /// When `bucket` begins, in seconds since 1970.
        func start(of bucket: Int64) -> Int64 {
            switch self {
            case .hour: return bucket * 3_600
            case .day: return bucket * 86_400
            case .month:
                let date = SummaryBuckets.calendar.date(from: DateComponents(year: Int(bucket / 12), month: Int(bucket % 12) + 1, day: 1))!
                return Int64(date.timeIntervalSince1970)
            }
        }

        var finer: Level? { Level(rawValue: rawValue - 1) }
    }

    /// The SQL of each level's bucket of a time column (the same buckets as ``Level/bucket(_:)``).
    static func levelSQL(column: String) -> [(level: Int, bucket: String)] {
        [(Level.hour.rawValue, "\(column) / 3600"), (Level.day.rawValue, "\(column) / 86400"),
         (Level.month.rawValue, "CAST(strftime('%Y', \(column), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', \(column), 'unixepoch') AS INTEGER) - 1")]
    }

    /// The pieces whose signed sum is exactly `[start, end)`; nil when an end is not a whole UTC hour or is before 1970.
    static func pieces(from start: Int64, to end: Int64) -> [Piece]? {
        guard start >= 0, end >= start, start % 3_600 == 0, end % 3_600 == 0 else { return nil }
        var pieces: [Piece] = []
        cover(start, end, level: .month, sign: 1, into: &pieces)
        return pieces
    }

    /// Adds pieces covering `[start, end)` with `sign`: whole buckets of `level` between the boundaries nearest each
    /// end, and finer pieces for what lies between those boundaries and the ends.
    private static func cover(_ start: Int64, _ end: Int64, level: Level, sign: Int64, into pieces: inout [Piece]) {
        guard start < end else { return }
        guard let finer = level.finer else {
            pieces.append(Piece(level: level, lower: level.bucket(start), upper: level.bucket(end), sign: sign))
            return
        }
        func nearest(_ time: Int64) -> Int64 {
            let floor = level.bucket(time)
            let down = level.start(of: floor)
            if down == time { return floor }
            return time - down <= level.start(of: floor + 1) - time ? floor : floor + 1
        }
        let lower = nearest(start), upper = nearest(end)
        guard lower < upper else {
            cover(start, end, level: finer, sign: sign, into: &pieces)
            return
        }
        pieces.append(Piece(level: level, lower: lower, upper: upper, sign: sign))
        let from = level.start(of: lower), to = level.start(of: upper)
        if from < start { cover(from, start, level: finer, sign: -sign, into: &pieces) } else { cover(start, from, level: finer, sign: sign, into: &pieces) }
        if to > end { cover(end, to, level: finer, sign: -sign, into: &pieces) } else { cover(to, end, level: finer, sign: sign, into: &pieces) }
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
