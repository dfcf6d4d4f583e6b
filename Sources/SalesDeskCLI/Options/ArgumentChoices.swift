import ArgumentParser
import SalesDeskDomain
import SalesDeskStore

/// `lead list --sort`: the orders a lead list can be printed in.
enum LeadSortOption: String, CaseIterable, ExpressibleByArgument {
    case staleness, value, score, newest, name

    /// The store's order for this option.
    var sort: LeadQuery.Sort {
        switch self {
        case .staleness: .staleness
        case .value: .valueDescending
        case .score: .scoreDescending
        case .newest: .newest
        case .name: .name
        }
    }
}

/// `export --format`.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, json
}

/// `export WHAT`: the record kinds, plus the agenda's iCalendar feed.
enum ExportSubject: String, CaseIterable, ExpressibleByArgument {
    case leads, tickets, activities, agenda

    /// The record export, nil for the agenda.
    var kind: ExportQuery.Kind? { ExportQuery.Kind(rawValue: rawValue) }
}

/// `import --assign`: the one way to ignore the file's owner column.
enum AssignOption: String, CaseIterable, ExpressibleByArgument {
    /// The `[[import.assign]]` rules of the config.
    case rules
}

// The domain's own fixed sets, read from the command line with their values listed in `--help`.
extension DuplicatePolicy: ExpressibleByArgument {}
extension DemoDataGenerator.Size: ExpressibleByArgument {}

extension Role: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension ActivityType: ExpressibleByArgument {
    public init?(argument: String) {
        guard let type = Self.parse(argument) else { return nil }
        self = type
    }
}

extension TicketPriority: ExpressibleByArgument {
    public init?(argument: String) {
        guard let priority = Self.parse(argument) else { return nil }
        self = priority
    }
}

extension TicketCategory: ExpressibleByArgument {
    public init?(argument: String) {
        guard let category = Self.parse(argument) else { return nil }
        self = category
    }
}
