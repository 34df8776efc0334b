import Benchmark
import EvidenceKit
import Foundation

/// The benchmark input file and the custom rate metrics reported for it.
public enum BenchmarkInput {
    /// `$EVIDENCE_BENCH_FILE`, else the file `run.sh` writes.
    public static var baselineFile: String {
        ProcessInfo.processInfo.environment["EVIDENCE_BENCH_FILE"] ?? "/tmp/evidence-bench/pubmed-baseline.xml.gz"
    }

    public static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    public static let megabytesPerSecond = BenchmarkMetric.custom("input MB/s (gzip bytes)", polarity: .prefersLarger, useScalingFactor: false)
    public static let recordsPerSecond = BenchmarkMetric.custom("records/s", polarity: .prefersLarger, useScalingFactor: false)
    public static let rateMetrics = [megabytesPerSecond, recordsPerSecond]

    /// Records MB/s and records/s for work that took `duration`.
    public static func report(_ benchmark: Benchmark, bytes: Int, records: Int, duration: Duration) {
        let seconds = duration.secondsValue
        guard seconds > 0 else { return }
        benchmark.measurement(megabytesPerSecond, Int((Double(bytes) / 1e6 / seconds).rounded()))
        benchmark.measurement(recordsPerSecond, Int((Double(records) / seconds).rounded()))
    }
}

extension BenchmarkInput {
    /// The passages of every record of the baseline file, split as the corpus splits them
    /// (titles and abstracts), grouped by source. Parsing is not part of what is measured.
    public static func passagesBySource(kinds: Set<PassageKind>) throws -> [[Passage]] {
        var sources: [[Passage]] = []
        try PubMedParser().parse(path: baselineFile) { event in
            guard case .record(let record) = event else { return }
            let passages = PassageBuilder.passages(for: record).filter { kinds.contains($0.kind) }
            if !passages.isEmpty { sources.append(passages) }
        }
        return sources
    }

    /// A corpus of the baseline file, ingested and tagged once and kept beside the file
    /// (`corpus.sqlite`), so that search benchmarks do not re-ingest on every run.
    public static func baselineCorpus() throws -> CorpusDatabase {
        let path = (baselineFile as NSString).deletingLastPathComponent + "/corpus.sqlite"
        let exists = FileManager.default.fileExists(atPath: path)
        let database = try CorpusDatabase(path: path)
        if !exists {
            let summary = Ingester(database: database, tagger: Tagger(.default)).ingest(paths: [baselineFile])
            precondition(summary.succeeded, "ingest failed: \(summary.failures)")
        }
        return database
    }
}

extension Duration {
    /// The duration in seconds.
    public var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
