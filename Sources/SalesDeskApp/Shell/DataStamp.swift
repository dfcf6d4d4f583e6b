import Foundation

/// What a screen's data was read against: how many database changes the desk had seen, and the minute.
///
/// Switching back to a screen whose stamp is still current shows it as it is, with no read: nothing it
/// shows can have changed. A change to the database (the desk's own write, another process's, the
/// scheduler's) or a new minute (what is due or overdue moves with the clock) makes every other screen's
/// stamp old, and the screen is read again when next shown.
public struct DataStamp: Sendable, Equatable {
    /// Database changes the desk had seen (``AppState/changesSeen``).
    var changes: Int
    /// Whole minutes since 1970 of the desk's clock.
    var minute: Int64

    init(changes: Int, now: Date) {
        self.changes = changes
        minute = Int64((now.timeIntervalSince1970 / 60).rounded(.down))
    }

    /// The stamp of data read before a change: never current, but the screen has data on show.
    static let outdated = DataStamp(changes: -1, now: Date(timeIntervalSince1970: 0))
}

extension AppState {
    /// The stamp data read now would carry.
    var currentStamp: DataStamp { DataStamp(changes: changesSeen, now: session.now) }

    /// Whether the screen `id` shows data read since the last change and within this minute.
    func isFresh(_ id: ScreenID) -> Bool { loadedStamps[id] == currentStamp }

    /// Notes a change to the database: every screen is read again when next shown.
    mutating func noteChange() { changesSeen += 1 }

    /// The effects that show screen `id`: none when what it shows is current, a refresh when it shows something
    /// older, a reset (keys wait for it: there is nothing to act on yet) when it has never been read.
    func showing(_ id: ScreenID) -> [Effect] {
        guard loadedStamps[id] != nil else { return [.load(id, .reset)] }
        return isFresh(id) ? [] : [.load(id, .refresh)]
    }
}
