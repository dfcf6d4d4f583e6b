import SalesDeskStore

/// How a paged list screen turns a ``LoadRequest`` into a page request, and how it places the selection after.
enum ListLoading {
    /// The page to read, how many rows, and whether to count the list too.
    static func plan<Row>(_ request: LoadRequest, _ list: ListState<Row>) -> (page: PageRequest, limit: Int, count: Bool) {
        switch request {
        case .refresh, .stages: (list.refreshRequest, list.refreshLimit, true)
        case .reset: (.first, ListState<Row>.pageSize, true)
        case .page(let page): (page, ListState<Row>.pageSize, false)
        }
    }

    /// Where the selection goes when the page read for `request` arrives.
    static func mode(_ request: LoadRequest, _ page: PageRequest) -> ListSelectionMode {
        switch (request, page) {
        case (.reset, _), (.page, .first): .selectFirst
        case (.page, .last): .selectLast
        default: .keepSelection
        }
    }
}
