import Foundation

/// A note beside a database (`desk.sqlite-damaged`) that SQLite found it damaged (`SQLITE_CORRUPT`).
///
/// Whoever meets the damage first writes it; from then on every process refuses to open the file for
/// work (so no scheduler keeps writing notifications into it) until `salesdesk db check` finds it sound
/// again or `salesdesk restore` replaces it.
public enum DamageMarker {
    /// The marker's path for `databasePath`.
    public static func path(for databasePath: String) -> String { databasePath + "-damaged" }

    /// What was found, when the file is marked damaged.
    public static func read(_ databasePath: String) -> String? {
        guard let text = try? String(contentsOfFile: path(for: databasePath), encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? "marked damaged" : line
    }

    /// Marks the file damaged (best effort: a folder this account cannot write keeps no marker, and the
    /// error itself still stops the command). Never follows a symlink or replaces another file.
    public static func mark(_ databasePath: String, detail: String) {
        let marker = path(for: databasePath)
        let descriptor = open(marker, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o660)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let line = Data((String(detail.prefix(300)).replacingOccurrences(of: "\n", with: " ") + "\n").utf8)
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Removes the mark after a clean check or a restore (only a regular file).
    public static func clear(_ databasePath: String) {
        let marker = path(for: databasePath)
        var info = stat()
        guard lstat(marker, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        unlink(marker)
    }
}
