import Foundation

/// Where a median sits among sorted values, and how to find it in a histogram of spans without reading every value.
public enum MedianRanks {
    /// The 0-based ranks, in ascending order, of the middle value(s) among `count` values: one for an odd count, two
    /// for an even count (their mean is the median), none for no values.
    public static func of(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        return count % 2 == 1 ? [count / 2] : [count / 2 - 1, count / 2]
    }

    /// The middle value(s) of the values a histogram counts: `spans` are (span, how many values) in ascending span
    /// order, where every value of a span is below every value of the next. Each middle rank's span is found by adding
    /// counts up, and only that span's values are read, in order, by `read` (once per span) — unless `exact` gives the
    /// one value the span holds.
    public static func values(in spans: [(span: Int64, count: Int)], exact: (Int64) -> Int64? = { _ in nil },
                              read: (Int64) throws -> [Int64]) rethrows -> [Int64] {
        var ranks = of(count: spans.reduce(0) { $0 + $1.count })[...]
        var middle: [Int64] = []
        var before = 0
        var cache: [Int64: [Int64]] = [:]
        for (span, count) in spans where !ranks.isEmpty {
            while let rank = ranks.first, rank < before + count {
                if let value = exact(span) {
                    middle.append(value)
                } else {
                    if cache[span] == nil { cache[span] = try read(span) }
                    middle.append(cache[span]![rank - before])
                }
                ranks.removeFirst()
            }
            before += count
        }
        return middle
    }
}
