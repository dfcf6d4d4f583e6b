import Foundation

/// `salesdesk-bench`'s command line: known flags only, `--help` prints the usage and exits, an unknown
/// flag is an error (exit 2) instead of a five-minute run with the defaults.
struct BenchArguments {
    /// Flags that take a value.
    static let valued: Set<String> = ["--size", "--db", "--runs", "--only", "--daemon-seconds", "--rows", "--batch"]
    /// Flags without a value.
    /// The groups `--only` runs (each handled in main.swift).
    static let groups = ["store", "desk", "scheduler", "reports", "automation", "launch"]
    static let switches: Set<String> = ["--no-sqlite", "--import", "--floor-only", "--regenerate", "--help", "-h"]

    static let usage = """
        USAGE: salesdesk-bench [--size small|1m] [--db PATH] [--runs N] [--no-sqlite] [--regenerate]
                               [--only store|desk|scheduler|reports|automation|launch] [--daemon-seconds N]
               salesdesk-bench --import [--rows N] [--batch N] [--floor-only]

        Measures the desk's hot paths on a generated demo database (created at --db when missing), against
        the sqlite3 CLI in the same run; --import measures a bulk CSV import instead. Run it in a release
        build (swift run -c release salesdesk-bench ...). See Docs/BENCHMARKS.md.

        OPTIONS:
          --size small|1m          Demo data set (default: 1m).
          --db PATH                Database to use (default: Benchmarks/data/SIZE.sqlite).
          --runs N                 Repetitions per scenario (default: 7).
          --no-sqlite              Skip the sqlite3 CLI comparison.
          --regenerate             Generate the database again even if it exists.
          --only GROUP             store, desk, scheduler, reports, automation or launch: run one group.
          --daemon-seconds N       How long to watch the idle scheduler daemon (default: 60).
          --import                 Measure a bulk import instead.
          --rows N                 Rows for --import (default: 1000000).
          --batch N                Import batch size (default: the config's).
          --floor-only             With --import: only the sqlite3 floor.
          -h, --help               Show this help and exit.
        """

    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// What went wrong with the command line, in words.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String]) throws(Problem) {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if Self.switches.contains(argument) {
                flags.insert(argument)
            } else if Self.valued.contains(argument) {
                guard index + 1 < arguments.endIndex else { throw Problem(description: "\(argument) needs a value.") }
                index += 1
                values[argument] = arguments[index]
            } else {
                throw Problem(description: "unknown argument '\(argument)'. Run salesdesk-bench --help for the options.")
            }
            index += 1
        }
        if let only = values["--only"], !Self.groups.contains(only) {
            throw Problem(description: "--only takes \(Self.groups.joined(separator: ", ")), not '\(only)'.")
        }
        for flag in ["--runs", "--daemon-seconds", "--rows", "--batch"] {
            if let text = values[flag], Int(text).map({ $0 > 0 }) != true { throw Problem(description: "\(flag) takes a positive whole number, not '\(text)'.") }
        }
        if let size = values["--size"], !["small", "1m"].contains(size) { throw Problem(description: "--size takes small or 1m, not '\(size)'.") }
    }

    /// The value given for a flag that takes one.
    func value(_ flag: String) -> String? { values[flag] }

    /// Whether a switch was given.
    func contains(_ flag: String) -> Bool { flags.contains(flag) }

    /// Whether help was asked for.
    var wantsHelp: Bool { flags.contains("--help") || flags.contains("-h") }
}
