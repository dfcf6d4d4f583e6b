/// Bytes as lowercase hex digits, two a byte: the form digests are stored and shown in.
///
/// Written out by hand: `String(format: "%02x")` per byte cost a write of a lead more than its SQL (measured with
/// `perf` on the 1m set: the audited state's digest of every lead move).
extension Sequence<UInt8> {
    var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
