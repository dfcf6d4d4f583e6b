import Foundation

/// A strict RFC 5545 reader for tests: it returns every rule the text breaks, and the unfolded events.
///
/// Checks CRLF line ends, the 75-octet line limit, unfolding, property-name syntax, balanced
/// BEGIN/END, VERSION:2.0 and PRODID on the calendar, UID, DTSTAMP and DTSTART on each event,
/// UTC date-times, unique UIDs, and TEXT escaping (only `\\` `\;` `\,` `\n` escapes, no bare `;` or `,`).
struct StrictICalendarReader {
    private(set) var problems: [String] = []
    /// Each event's properties (name → value), in order.
    private(set) var events: [[String: String]] = []

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var physical: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { problems.append("bare CR at byte \(index)"); index += 1; continue }
                physical.append(String(decoding: bytes[start..<index], as: UTF8.self))
                if index - start > 75 { problems.append("line \(physical.count) is \(index - start) octets long") }
                index += 2
                start = index
            } else if bytes[index] == 0x0A {
                problems.append("bare LF at byte \(index)")
                index += 1
            } else {
                index += 1
            }
        }
        if start != bytes.count { problems.append("the last line does not end with CRLF") }
        var logical: [String] = []
        for line in physical {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                guard !logical.isEmpty else { problems.append("the first line is a continuation"); continue }
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        check(logical)
    }

    private mutating func check(_ lines: [String]) {
        guard lines.first == "BEGIN:VCALENDAR", lines.last == "END:VCALENDAR" else {
            problems.append("the text is not one VCALENDAR")
            return
        }
        var stack: [String] = []
        var calendar: [String: Int] = [:]
        var event: [String: String]?
        var eventCounts: [String: Int] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { problems.append("no ':' in '\(line)'"); continue }
            let nameAndParameters = line[..<colon]
            let name = String(nameAndParameters.split(separator: ";").first ?? "")
            let value = String(line[line.index(after: colon)...])
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) else {
                problems.append("bad property name '\(name)'")
                continue
            }
            switch name {
            case "BEGIN":
                stack.append(value)
                if value == "VEVENT" { event = [:]; eventCounts = [:] }
            case "END":
                guard stack.popLast() == value else { problems.append("END:\(value) does not close the open component"); continue }
                if value == "VEVENT", let finished = event {
                    for required in ["UID", "DTSTAMP", "DTSTART"] where eventCounts[required] != 1 {
                        problems.append("an event has \(eventCounts[required] ?? 0) \(required)")
                    }
                    events.append(finished)
                    event = nil
                }
            default:
                if event != nil {
                    event?[name] = value
                    eventCounts[name, default: 0] += 1
                } else {
                    calendar[name, default: 0] += 1
                    if name == "VERSION", value != "2.0" { problems.append("VERSION is \(value)") }
                }
                if ["DTSTAMP", "DTSTART", "DTEND", "LAST-MODIFIED"].contains(name), !Self.isUTC(value) {
                    problems.append("\(name) '\(value)' is not a UTC date-time")
                }
                if ["SUMMARY", "DESCRIPTION", "CATEGORIES", "X-WR-CALNAME", "LOCATION"].contains(name), let bad = Self.textProblem(value) {
                    problems.append("\(name): \(bad)")
                }
            }
        }
        if !stack.isEmpty { problems.append("unclosed \(stack)") }
        for required in ["VERSION", "PRODID"] where calendar[required] != 1 { problems.append("the calendar has \(calendar[required] ?? 0) \(required)") }
        let uids = events.compactMap { $0["UID"] }
        if Set(uids).count != uids.count { problems.append("UIDs repeat") }
    }

    private static func isUTC(_ value: String) -> Bool {
        let characters = Array(value)
        guard characters.count == 16, characters[8] == "T", characters[15] == "Z" else { return false }
        return (characters[0..<8] + characters[9..<15]).allSatisfy(\.isNumber)
    }

    private static func textProblem(_ value: String) -> String? {
        var characters = value.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\\":
                guard let escaped = characters.next(), ["\\", ";", ",", "n", "N"].contains(escaped) else { return "bad escape in '\(value)'" }
            case ";", ",": return "unescaped '\(character)' in '\(value)'"
            case _ where character.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }: return "control character in '\(value)'"
            default: continue
            }
        }
        return nil
    }
}
