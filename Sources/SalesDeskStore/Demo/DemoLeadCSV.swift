import Foundation
import SalesDeskDomain

/// Writes demo leads as a CSV file in the import template's layout, for import benchmarks and
/// crash tests: the same names, companies, titles and sources the demo generator draws from,
/// a unique email and phone per row, deterministic for a seed.
public struct DemoLeadCSV {
    public let count: Int
    public let seed: UInt64

    public init(count: Int, seed: UInt64 = 42) {
        self.count = count
        self.seed = seed
    }

    /// The header row.
    public static let headers: [ImportField] = [.name, .email, .phone, .jobTitle, .company, .source, .value, .currency, .country, .tags]

    /// Writes the file (replacing it), 1 MB at a time.
    public func write(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var random = SeededGenerator(seed: seed)
        var text = Self.headers.map(\.templateHeader).joined(separator: ",") + "\r\n"
        let sources: [(LeadSource, Int)] = [(.websiteForm, 30), (.facebookAd, 20), (.manual, 15), (.partnerReferral, 10), (.bulkUpload, 10), (.event, 10), (.email, 5)]
        for index in 1...max(1, count) where count > 0 {
            let first = random.element(DemoVocabulary.firstNames)
            let last = random.element(DemoVocabulary.lastNames)
            // One company per five leads, as in the demo data set.
            let companyIndex = index % max(1, count / 5)
            let stems = DemoVocabulary.companyStems
            let company = "\(stems[companyIndex % stems.count]) \(DemoVocabulary.companySuffixes[(companyIndex / stems.count) % DemoVocabulary.companySuffixes.count]) \(companyIndex)"
            let local = "\(first.lowercased().filter { $0.isASCII && $0.isLetter }).\(last.lowercased().filter { $0.isASCII && $0.isLetter })\(index)"
            let cells = [
                "\(first) \(last)", "\(local)@example.org", "+1 556 \(String(format: "%07d", index % 10_000_000))",
                random.element(DemoVocabulary.titles), company, random.pick(sources).rawValue,
                String(Int.random(in: 10...2_500, using: &random) * 100), random.pick([("USD", 85), ("EUR", 10), ("GBP", 5)]),
                random.pick([("US", 60), ("DE", 15), ("GB", 10), ("BR", 10), ("JP", 5)]), random.chance(0.2) ? "priority" : "",
            ]
            text += cells.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",") + "\r\n"
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(text.utf8))
    }
}
