import Foundation
@testable import SalesDeskDomain
import Testing

/// A schedule to generate cases for, with a readable name.
struct NamedSchedule: CustomTestStringConvertible, Sendable {
    let name: String
    let hours: BusinessHours
    var testDescription: String { name }

    private static func window(_ open: Int, _ close: Int) -> BusinessHours.Window {
        .init(openMinute: open, closeMinute: close)
    }

    private static let weekdays = Dictionary(uniqueKeysWithValues: (1...5).map { ($0, window(9 * 60, 17 * 60)) })

    static let all: [NamedSchedule] = [
        .init(name: "Berlin weekdays 09–17 with holidays", hours: BusinessHours(
            timeZoneID: "Europe/Berlin", windows: weekdays,
            holidays: ["2025-12-24", "2025-12-25", "2026-03-30", "2026-10-26", "2026-12-24", "2027-01-01", "2027-10-29"]
        )),
        .init(name: "New York uneven days, Friday open until midnight", hours: BusinessHours(
            timeZoneID: "America/New_York",
            windows: [1: window(8 * 60, 18 * 60), 2: window(9 * 60 + 30, 17 * 60 + 15), 3: window(9 * 60, 17 * 60),
                      5: window(12 * 60, 24 * 60), 6: window(10 * 60, 14 * 60)],
            holidays: ["2026-11-26", "2026-07-03", "2027-03-15"]
        )),
        .init(name: "New York Sundays 01:30–03:30 across the DST hour", hours: BusinessHours(
            timeZoneID: "America/New_York", windows: [7: window(90, 210)]
        )),
        .init(name: "Berlin around the clock on weekends", hours: BusinessHours(
            timeZoneID: "Europe/Berlin", windows: [6: window(0, 24 * 60), 7: window(0, 24 * 60), 3: window(17 * 60, 17 * 60)]
        )),
        .init(name: "UTC standard", hours: .standard),
    ]
}

@Suite("Business time from the day index")
struct BusinessTimeIndexTests {
    /// Random instants in 2025–2028, some snapped to local whole hours or to the schedule's window edges.
    private func instant(_ random: inout SeededRandom, for reference: BusinessTimeReference) -> Date {
        let base = utcDate(2025, 1, 1, 0, 0).timeIntervalSinceReferenceDate
        let moment = Date(timeIntervalSinceReferenceDate: base + Double(Int.random(in: 0..<(4 * 366 * 86_400), using: &random)))
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            let hour = Bool.random(using: &random) ? 0 : Int.random(in: 0..<24, using: &random)
            return reference.calendar.date(bySettingHour: hour, minute: 0, second: 0, of: moment) ?? moment
        case 1:
            let window = reference.window(on: moment)
            return Bool.random(using: &random) ? window?.start ?? moment : window?.end ?? moment
        default: return moment
        }
    }

    /// A span in seconds: mostly hours to weeks, some over a year or beyond the two-year horizon, some not positive.
    private func span(_ random: inout SeededRandom) -> TimeInterval {
        let day = 86_400
        let limits = [0, 2 * day, 2 * day, 2 * day, 45 * day, 45 * day, 45 * day, 400 * day, 1_100 * day]
        guard let limit = limits.randomElement(using: &random), limit > 0 else {
            return -Double(Int.random(in: 0...(3 * day), using: &random))
        }
        return Double(Int.random(in: 0...limit, using: &random))
    }

    /// An end for `start`: mostly `start` plus a random span, sometimes a window edge or a midnight
    /// a few days, or about two years (the horizon), after the day of `start`.
    private func end(after start: Date, _ random: inout SeededRandom, for reference: BusinessTimeReference) -> Date {
        guard Int.random(in: 0..<3, using: &random) == 0 else { return start.addingTimeInterval(span(&random)) }
        let days = Bool.random(using: &random) ? Int.random(in: 0...9, using: &random) : Int.random(in: 728...732, using: &random)
        let day = reference.calendar.date(byAdding: .day, value: days, to: reference.calendar.startOfDay(for: start))!
        let window = reference.window(on: day)
        return [day, window?.start ?? day, window?.end ?? day].randomElement(using: &random)!
    }

    /// Calls `body` with 300 generated starts for `schedule`, its reference and the random source.
    private func forGeneratedStarts(
        of schedule: NamedSchedule, seed: UInt64, _ body: (BusinessTimeReference, Date, inout SeededRandom) -> Void
    ) {
        let reference = BusinessTimeReference(schedule.hours)
        var random = SeededRandom(seed: seed)
        for _ in 0..<300 {
            body(reference, instant(&random, for: reference), &random)
        }
    }

    @Test("open seconds between generated instants equal the day-by-day walk", arguments: NamedSchedule.all)
    func businessSecondsMatchTheWalk(schedule: NamedSchedule) {
        forGeneratedStarts(of: schedule, seed: 1) { reference, start, random in
            let end = end(after: start, &random, for: reference)
            let expected = reference.businessSeconds(from: start, to: end)
            let actual = schedule.hours.businessSeconds(from: start, to: end)
            #expect(actual == expected, "from \(start) to \(end)")
        }
    }

    @Test("the instant after generated open seconds equals the day-by-day walk", arguments: NamedSchedule.all)
    func instantsMatchTheWalk(schedule: NamedSchedule) {
        forGeneratedStarts(of: schedule, seed: 2) { reference, start, random in
            // Some targets are the open seconds up to an edge, so the answer lands exactly on it, or
            // a little more, so it lands just after it (or beyond the horizon).
            let toEdge = reference.businessSeconds(from: start, to: end(after: start, &random, for: reference))
            let seconds = [span(&random), toEdge, toEdge + Double(Int.random(in: 1...86_400, using: &random))].randomElement(using: &random)!
            let expected = reference.instant(afterBusinessSeconds: seconds, from: start)
            let actual = schedule.hours.instant(afterBusinessSeconds: seconds, from: start)
            #expect(actual == expected, "\(seconds) s from \(start)")
        }
    }

    @Test("over DST weekends the open seconds equal a count of open wall-clock minutes", arguments: ["Europe/Berlin", "America/New_York"])
    func businessSecondsMatchMinuteCounting(zone: String) {
        var hours = BusinessHours.standard.inTimeZone(zone)
        hours.windows[6] = .init(openMinute: 0, closeMinute: 24 * 60)
        hours.windows[7] = .init(openMinute: 60, closeMinute: 4 * 60)
        let reference = BusinessTimeReference(hours)
        var random = SeededRandom(seed: 0x5EED_0003)
        let changeWeekends = [utcDate(2026, 3, 6, 0, 0), utcDate(2026, 3, 27, 0, 0), utcDate(2026, 10, 23, 0, 0), utcDate(2026, 10, 30, 0, 0)]
        for weekend in changeWeekends {
            for _ in 0..<12 {
                let start = weekend.addingTimeInterval(Double(Int.random(in: 0..<(4 * 1_440), using: &random) * 60))
                let end = start.addingTimeInterval(Double(Int.random(in: 0..<(2 * 1_440), using: &random) * 60))
                #expect(hours.businessSeconds(from: start, to: end) == reference.businessSecondsByMinute(from: start, to: end), "from \(start) to \(end)")
            }
        }
    }

    /// Expects the walk's answers from each of `starts`: open seconds over the next two weeks, and
    /// the instant 100,000 open seconds on.
    private func expectWalkAnswers(_ hours: BusinessHours, from starts: [Date]) {
        let reference = BusinessTimeReference(hours)
        for start in starts {
            let end = start.addingTimeInterval(14 * 86_400)
            #expect(hours.businessSeconds(from: start, to: end) == reference.businessSeconds(from: start, to: end), "from \(start)")
            #expect(hours.instant(afterBusinessSeconds: 100_000, from: start) == reference.instant(afterBusinessSeconds: 100_000, from: start), "from \(start)")
        }
    }

    @Test("starts outside 1970–2099 (year 1, 2000 BC, 1969, late 2098, year 4000) get the walk's exact answers and leave the index within the era")
    func instantsOutsideTheEra() {
        var hours = BusinessHours.standard.inTimeZone("Europe/Berlin")
        hours.holidays = ["1969-12-31", "2098-12-24"]
        let reference = BusinessTimeReference(hours)
        let ledger = BusinessDayLedgers.shared.ledger(for: hours)
        let yearTwoThousandBC = Date(timeIntervalSinceReferenceDate: -126_000_000_000)
        expectWalkAnswers(hours, from: [Date.distantPast, yearTwoThousandBC, utcDate(1969, 12, 30, 12, 0), utcDate(2098, 6, 1, 8, 0), utcDate(4000, 6, 1, 8, 0)])
        let eraDays = 47_482 // 1970-01-01 up to 2100-01-01
        #expect(ledger.dayCount <= eraDays)
        let now = utcDate(2026, 12, 1, 10, 0)
        #expect(hours.businessSeconds(from: now, to: .distantFuture) == reference.businessSeconds(from: now, to: .distantFuture))
        #expect(ledger.dayCount > 0 && ledger.dayCount <= eraDays)
    }

    @Test("an index started in 1971 grows to answer 2090 exactly: what is indexed does not depend on the first instant asked for")
    func growsAcrossTheEra() {
        var hours = BusinessHours.standard.inTimeZone("America/New_York")
        hours.holidays = ["1971-07-05", "2090-07-04"]
        let ledger = BusinessDayLedgers.shared.ledger(for: hours)
        expectWalkAnswers(hours, from: [utcDate(1971, 6, 28, 15, 0), utcDate(2090, 6, 29, 15, 0), utcDate(1970, 1, 1, 0, 0)])
        #expect(ledger.dayCount > 119 * 365)
    }

    @Test("equal schedules share one index, and tasks asking at once get the same answers as one asking alone")
    func sharedAndThreadSafe() async {
        let hours = BusinessHours(timeZoneID: "America/New_York", windows: BusinessHours.standard.windows, holidays: ["2027-07-05", "2027-11-25"])
        var copy = BusinessHours.standard.inTimeZone("America/New_York")
        copy.holidays = ["2027-11-25"]
        copy.holidays.insert("2027-07-05")
        #expect(BusinessDayLedgers.shared.ledger(for: hours) === BusinessDayLedgers.shared.ledger(for: copy))

        let reference = BusinessTimeReference(hours)
        var random = SeededRandom(seed: 0x5EED_0004)
        // Starts spread over ten years, so the tasks grow the index in both directions at once.
        let cases = (0..<120).map { _ in
            (utcDate(2022, 1, 1, 0, 0).addingTimeInterval(Double(Int.random(in: 0..<(10 * 365 * 86_400), using: &random))),
             Double(Int.random(in: 1...(60 * 86_400), using: &random)))
        }
        let expected = cases.map { start, span in
            [reference.businessSeconds(from: start, to: start.addingTimeInterval(span)),
             reference.instant(afterBusinessSeconds: span, from: start).timeIntervalSinceReferenceDate]
        }
        let results = await withTaskGroup(of: [[Double]].self) { group in
            for task in 0..<8 {
                group.addTask {
                    let order = task.isMultiple(of: 2) ? Array(cases.indices) : cases.indices.reversed()
                    var answers = Array(repeating: [Double](), count: cases.count)
                    for index in order {
                        let (start, span) = cases[index]
                        answers[index] = [hours.businessSeconds(from: start, to: start.addingTimeInterval(span)),
                                          hours.instant(afterBusinessSeconds: span, from: start).timeIntervalSinceReferenceDate]
                    }
                    return answers
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        for answers in results { #expect(answers == expected) }
    }
}
