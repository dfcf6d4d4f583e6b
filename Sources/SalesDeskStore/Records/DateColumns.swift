import Foundation

/// Times are stored as whole seconds since 1970 (UTC) so that ranges compare as integers.
extension Date {
    /// Seconds since 1970, rounded down.
    var epochSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    init(epochSeconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(epochSeconds))
    }
}

extension Optional where Wrapped == Date {
    var epochSeconds: Int64? { self?.epochSeconds }
}

extension Optional where Wrapped == Int64 {
    var date: Date? { self.map(Date.init(epochSeconds:)) }
}
