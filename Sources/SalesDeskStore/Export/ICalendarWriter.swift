import Foundation
import SalesDeskDomain

/// Writes an RFC 5545 iCalendar feed of follow-ups: CRLF lines folded at 75 octets (never inside a
/// UTF-8 sequence), TEXT values escaped, times in UTC, and UIDs stable across exports so a
/// subscribed calendar updates events instead of duplicating them.
public struct ICalendarWriter {
    /// One event.
    public struct Event: Sendable {
        public var uid: String
        public var start: Date
        public var durationMinutes: Int
        public var summary: String
        public var description: String
        public var categories: String
        public var lastModified: Date

        public init(uid: String, start: Date, durationMinutes: Int, summary: String, description: String, categories: String, lastModified: Date) {
            self.uid = uid
            self.start = start
            self.durationMinutes = durationMinutes
            self.summary = summary
            self.description = description
            self.categories = categories
            self.lastModified = lastModified
        }
    }

    public let calendarName: String
    /// DTSTAMP of every event: when the feed was made.
    public let stamp: Date

    public init(calendarName: String, stamp: Date) {
        self.calendarName = calendarName
        self.stamp = stamp
    }

    /// The whole calendar.
    public func calendar(_ events: [Event]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sales Desk//Sales Desk Agenda//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(calendarName)]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + event.uid,
                "DTSTAMP:" + Self.utc(stamp),
                "DTSTART:" + Self.utc(event.start),
                "DTEND:" + Self.utc(event.start.addingTimeInterval(TimeInterval(max(1, event.durationMinutes) * 60))),
                "LAST-MODIFIED:" + Self.utc(event.lastModified),
                "SUMMARY:" + Self.escape(event.summary),
                "DESCRIPTION:" + Self.escape(event.description),
                "CATEGORIES:" + Self.escape(event.categories),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// `20261123T100000Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// TEXT escaping: backslash, semicolon, comma and line breaks; other controls (C0, DEL, C1, bidi
    /// overrides and isolates: ``ImportText/isRemoved(_:)``) are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            case _ where scalar.value == 0 || ImportText.isRemoved(scalar.value): continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Splits a content line into CRLF-terminated pieces of at most 75 octets; continuation lines start with a space.
    static func fold(_ line: String) -> String {
        var output = ""
        var current = 0
        var limit = 75
        for character in line {
            let size = character.utf8.count
            if current + size > limit {
                output += "\r\n "
                current = 0
                limit = 74
            }
            output.append(character)
            current += size
        }
        return output + "\r\n"
    }
}
