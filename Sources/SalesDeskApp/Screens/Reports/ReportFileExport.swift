import Foundation
import SalesDeskDomain
import SalesDeskInsight

/// Writes a report shown on the Reports screen to a new file: CSV, JSON or Markdown by the file's ending.
/// It never replaces anything: an existing path (a file, a link, a device) is refused with the reason.
enum ReportFileExport {
    static func write(_ view: ReportView, to path: String) throws -> String {
        let format: ReportFormat = switch (path as NSString).pathExtension.lowercased() {
        case "json": .json
        case "md", "markdown": .md
        default: .csv
        }
        let text = try ReportExport.render(view, as: format)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists; give a new file name" : String(cString: strerror(errno))
            throw DomainError.invalidField(field: "export", reason: "cannot write \(path): \(reason)")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw DomainError.invalidField(field: "export", reason: "writing \(path) failed: \(reason); nothing was kept")
            }
            written += result
        }
        return "Exported “\(view.name.title)” as \(format.rawValue.uppercased()) to \(path)."
    }
}
