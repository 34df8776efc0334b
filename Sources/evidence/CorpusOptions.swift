import ArgumentParser
import EvidenceKit
import Foundation

/// The `--db` option every corpus command takes.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "The corpus database (default: $EVIDENCE_DB, else .evidence/corpus.sqlite).")
    var db: String?

    var path: String {
        CorpusDatabase.resolvePath(option: db, environment: ProcessInfo.processInfo.environment)
    }

    func open() throws -> CorpusDatabase {
        do {
            return try CorpusDatabase(path: path)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

/// Writes to standard error, where diagnostics and progress belong.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Output formats of listings.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl, csv
}
