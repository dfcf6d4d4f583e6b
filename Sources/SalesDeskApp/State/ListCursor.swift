/// Selection and scroll position in a list, kept on the same record across reloads.
public struct ListCursor: Sendable, Equatable {
    public var selected: Int = 0
    public var offset: Int = 0
    /// Ids of rows marked with Space for bulk actions.
    public var marked: Set<Int64> = []

    public init() {}

    /// Moves the selection by `delta` rows within `count` rows.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { selected = 0; return }
        selected = max(0, min(count - 1, selected + delta))
    }

    /// Jumps to the first or last row.
    public mutating func jump(toEnd: Bool, count: Int) {
        selected = toEnd ? max(0, count - 1) : 0
    }

    /// After a reload: select the row with `id` again if it is still there, else stay in range.
    public mutating func keep(id: Int64?, in ids: [Int64]) {
        if let id, let index = ids.firstIndex(of: id) {
            selected = index
        } else {
            selected = max(0, min(selected, ids.count - 1))
        }
        marked = marked.intersection(ids)
    }
}
