import SalesDeskStore

/// The state of one scrolling list of records: the loaded window of rows, the selection and the scroll offset
/// (in state, as ratatui's `TableState`), marks for bulk actions, and the cursors that page it in both directions.
///
/// Every list of the desk is one of these. Moving asks for the page it needs (``move(_:viewport:)`` returns a
/// ``PageRequest``) and the loaded page comes back through ``apply(_:for:mode:viewport:)``, so `j` never stops at a
/// page boundary, `G` reaches the true end through a reverse keyset query, `k` after scrolling moves the highlight,
/// and a reload keeps the selection on its record.
public struct ListState<Row: Sendable & Identifiable>: Sendable where Row.ID == Int64 {
    public private(set) var rows: [Row] = []
    private var cursors: [PageCursor] = []
    /// Continues before the first loaded row; nil when the first loaded row is the list's first.
    public private(set) var previous: PageCursor?
    /// Continues after the last loaded row; nil when the last loaded row is the list's last.
    public private(set) var next: PageCursor?
    public private(set) var selected = 0
    /// The loaded row drawn at the top of the list.
    public private(set) var offset = 0
    /// Ids of rows marked with Space for a bulk action.
    public var marked: Set<Int64> = []
    /// The page asked for and not yet applied, so a held key does not ask twice.
    public private(set) var pending: PageRequest?
    /// Whether any page has been applied yet (before that the list shows "Loading…").
    public private(set) var hasLoaded = false

    /// Rows read per page.
    public static var pageSize: Int { 100 }
    /// The most rows kept loaded; scrolling further drops rows from the far end (they are read again on the way back).
    public static var windowLimit: Int { 600 }

    public init() {}

    /// A list of rows that is not paged (a bounded list: the agenda, the inbox, help).
    public init(rows: [Row]) {
        replaceAll(with: rows)
    }

    public var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }
    public var isEmpty: Bool { rows.isEmpty }

    /// Selects the record with `id` if it is loaded; returns whether it was.
    @discardableResult
    public mutating func select(id: Int64, viewport: Int) -> Bool {
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return false }
        selected = index
        scroll(viewport: viewport)
        return true
    }

    /// Moves the selection; returns the page to read when the move goes past, or near, what is loaded.
    public mutating func move(_ move: ListMove, viewport: Int) -> PageRequest? {
        let half = max(1, viewport / 2)
        switch move {
        case .down: step(1)
        case .up: step(-1)
        case .pageDown: step(half)
        case .pageUp: step(-half)
        case .top:
            selected = 0
            if previous != nil { return ask(.first) }
        case .bottom:
            if next != nil { return ask(.last) }
            selected = max(0, rows.count - 1)
        }
        scroll(viewport: viewport)
        return prefetch(viewport: viewport)
    }

    /// The request that re-reads what is loaded, from its first row, keeping the user's place.
    /// While a jump to the top or the end is being read (`g`/`G`), a refresh reads where the jump goes: a refresh
    /// makes the jump's own read obsolete (the desk reads one whole screen at a time), and re-reading the old
    /// window would lose the key. (A desk catching up in the background refreshes often, and `G` was lost.)
    public var refreshRequest: PageRequest {
        if let pending, pending == .first || pending == .last { return pending }
        guard previous != nil, let first = cursors.first else { return .first }
        return .from(first)
    }

    /// How many rows a refresh reads: what is loaded, at least a page.
    public var refreshLimit: Int { min(Self.windowLimit, max(Self.pageSize, rows.count)) }

    /// Applies a page read for `request`.
    public mutating func apply(_ page: Page<Row>, for request: PageRequest, mode: ListSelectionMode = .keepSelection, viewport: Int) {
        let selectedID = selectedRow?.id
        hasLoaded = true
        if pending == request { pending = nil }
        switch request {
        case .first, .from, .last:
            // A page asked for against the window this replaces is moot (its read may have been dropped as
            // obsolete, and would never clear `pending`).
            pending = nil
            rows = page.rows
            cursors = page.cursors
            previous = request == .first ? nil : page.previous
            next = page.next
            switch mode {
            case .selectFirst:
                selected = 0
                offset = 0
            case .selectLast:
                selected = max(0, rows.count - 1)
            case .keepSelection:
                if request == .last {
                    selected = max(0, rows.count - 1)
                } else if let selectedID, let index = rows.firstIndex(where: { $0.id == selectedID }) {
                    selected = index
                } else {
                    selected = max(0, min(selected, rows.count - 1))
                }
            }
            if request == .last { offset = max(0, rows.count - viewport) }
        case .after(let cursor):
            // Read for a window since replaced (a reload arrived first): it would not continue these rows.
            guard cursor == next else { return }
            rows += page.rows
            cursors += page.cursors
            next = page.next
            trimFront()
        case .before(let cursor):
            guard cursor == previous else { return }
            rows = page.rows + rows
            cursors = page.cursors + cursors
            previous = page.previous
            selected += page.rows.count
            offset += page.rows.count
            trimBack()
        }
        marked = marked.intersection(rows.map(\.id))
        scroll(viewport: viewport)
    }

    /// Replaces a list that is not paged; keeps the selection on its record.
    public mutating func replaceAll(with newRows: [Row]) {
        let selectedID = selectedRow?.id
        rows = newRows
        cursors = []
        previous = nil
        next = nil
        pending = nil
        hasLoaded = true
        if let selectedID, let index = rows.firstIndex(where: { $0.id == selectedID }) { selected = index }
        selected = max(0, min(selected, rows.count - 1))
        marked = marked.intersection(rows.map(\.id))
    }

    /// Forgets an unanswered request (its load failed), so the next move asks again.
    public mutating func clearPending() { pending = nil }

    /// Marks or unmarks the selected row and moves on.
    public mutating func toggleMark(viewport: Int) -> PageRequest? {
        guard let id = selectedRow?.id else { return nil }
        if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
        return move(.down, viewport: viewport)
    }

    /// Keeps the selection inside the visible rows, scrolling as little as possible.
    public mutating func scroll(viewport: Int) {
        let visible = max(1, viewport)
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        offset = max(0, min(offset, max(0, rows.count - visible)))
    }

    private mutating func step(_ delta: Int) {
        guard !rows.isEmpty else { selected = 0; return }
        selected = max(0, min(rows.count - 1, selected + delta))
    }

    /// Asks for the next page while the selection is within a screen of the loaded end, or the previous page near the start.
    private mutating func prefetch(viewport: Int) -> PageRequest? {
        let margin = max(viewport, 10)
        if let next, selected >= rows.count - margin { return ask(.after(next)) }
        if let previous, selected < margin { return ask(.before(previous)) }
        return nil
    }

    private mutating func ask(_ request: PageRequest) -> PageRequest? {
        guard pending != request else { return nil }
        pending = request
        return request
    }

    /// After appending: drops rows from the start beyond the window, keeping the selection on its row.
    private mutating func trimFront() {
        let excess = rows.count - Self.windowLimit
        guard excess > 0, excess < selected else { return }
        rows.removeFirst(excess)
        cursors.removeFirst(excess)
        selected -= excess
        offset = max(0, offset - excess)
        previous = cursors.first
    }

    /// After prepending: drops rows from the end beyond the window.
    private mutating func trimBack() {
        let excess = rows.count - Self.windowLimit
        guard excess > 0, rows.count - excess > selected else { return }
        rows.removeLast(excess)
        cursors.removeLast(excess)
        next = cursors.last
    }
}

/// How to place a list's selection when a page replaces its rows.
public enum ListSelectionMode: Sendable {
    /// Keep the selected record selected (a reload after a change).
    case keepSelection
    /// Select the first row (a new queue, sort or filter, or `g`).
    case selectFirst
    /// Select the last row (`G`).
    case selectLast
}
