import SalesDeskDomain
import TOMLKit

extension ConfigReader {
    /// `[import]`: `default_source`, `default_owner`, `batch_size`, and `[[import.assign]]` rules.
    func readImport(_ table: TOMLTable) throws -> ImportSettings {
        try refuseUnknownKeys(table, prefix: "import.", allowed: ["default_source", "default_owner", "batch_size", "assign"])
        var settings = ImportSettings.standard
        if let text = try string("default_source", in: table, at: "import.") {
            guard let source = LeadSource.parse(text) else { throw fail("import.default_source", sourceHint(text)) }
            settings.defaultSource = source
        }
        settings.assignment.defaultOwner = try string("default_owner", in: table, at: "import.")
        if let size = table["batch_size"] {
            guard let value = size.int, (100...100_000).contains(value) else { throw fail("import.batch_size", "must be a whole number from 100 to 100000") }
            settings.batchSize = value
        }
        if let rules = table["assign"] {
            guard let array = rules.array else { throw fail("import.assign", "must be a list of tables ([[import.assign]])") }
            settings.assignment.rules = try array.map { item in
                guard let rule = item.table else { throw fail("import.assign", "must be a list of tables ([[import.assign]])") }
                return try readRule(rule)
            }
        }
        return settings
    }

    private func readRule(_ rule: TOMLTable) throws -> AssignmentRules.Rule {
        try refuseUnknownKeys(rule, prefix: "import.assign.", allowed: ["source", "country", "product_interest", "owner", "team", "method"])
        let source = try string("source", in: rule, at: "import.assign.").map { text in
            guard let source = LeadSource.parse(text) else { throw fail("import.assign.source", sourceHint(text)) }
            return source
        }
        let target: AssignmentRules.Target
        if let owner = try string("owner", in: rule, at: "import.assign.") {
            target = .user(owner)
        } else if let team = try string("team", in: rule, at: "import.assign.") {
            switch try string("method", in: rule, at: "import.assign.") ?? "round_robin" {
            case "round_robin": target = .roundRobin(team: team)
            case "least_loaded": target = .leastLoaded(team: team)
            default: throw fail("import.assign.method", "must be \"round_robin\" or \"least_loaded\"")
            }
        } else {
            throw fail("import.assign", "each rule needs owner = \"handle\" or team = \"Team name\"")
        }
        return AssignmentRules.Rule(
            source: source, country: try string("country", in: rule, at: "import.assign."),
            productInterest: try string("product_interest", in: rule, at: "import.assign."), target: target)
    }

    private func sourceHint(_ text: String) -> String {
        "'\(text)' is not a source; sources: \(LeadSource.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
