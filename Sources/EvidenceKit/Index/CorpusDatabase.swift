import Foundation
import GRDB

/// The corpus file: an SQLite database (WAL mode) holding sources, their paragraphs and
/// sentence passages, a full-text index over the passages, references, provenance and tags.
///
/// Opening it creates the file and its folder when missing and applies the schema
/// migrations, so every command can simply open the corpus it is given.
public struct CorpusDatabase: Sendable {
    /// The default location, relative to the current directory.
    public static let defaultPath = ".evidence/corpus.sqlite"

    public let path: String
    let pool: DatabasePool

    /// Opens (or creates) the corpus at `path`.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                // Readers keep 64 MB of pages, so that searches find the full-text index in
                // memory. The writer needs less: an ingest writes each page about once, and
                // a larger cache only holds more memory (measured on the baseline file).
                let kilobytes = db.configuration.readonly ? 65536 : 16384
                try db.execute(sql: "PRAGMA cache_size = -\(kilobytes); PRAGMA temp_store = MEMORY")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.read(CorpusDatabase.requireFTS5)
            try Schema.migrator.migrate(pool)
        } catch let error as CorpusError {
            throw error
        } catch {
            throw CorpusError.cannotOpen(path: path, reason: "\(error)")
        }
        self.path = path
    }

    /// Resolves the corpus path from a `--db` option, then `EVIDENCE_DB`, then the default.
    public static func resolvePath(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["EVIDENCE_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return defaultPath
    }

    /// Full-text search needs FTS5; a distribution's SQLite without it must fail clearly.
    private static func requireFTS5(_ db: Database) throws {
        let enabled = try Bool.fetchOne(db, sql: "SELECT sqlite_compileoption_used('ENABLE_FTS5')") ?? false
        if !enabled {
            throw CorpusError.missingFeature("this SQLite library was built without FTS5 full-text search")
        }
    }

    /// The size of the database file and its write-ahead log, in bytes.
    public var sizeInBytes: Int64 {
        [path, path + "-wal"].reduce(Int64(0)) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }
}

/// Failures of the corpus database, phrased for the person running the tool.
public enum CorpusError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case missingFeature(String)
    case noSuchSource(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the corpus \(path): \(reason)"
        case .missingFeature(let what): return what
        case .noSuchSource(let id): return "no source with id \(id) in the corpus"
        }
    }
}
