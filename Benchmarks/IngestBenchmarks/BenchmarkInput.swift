import Benchmark
import EvidenceKit
import Foundation

/// The benchmark input file and the custom rate metrics reported for it.
enum BenchmarkInput {
    /// `$EVIDENCE_BENCH_FILE`, else the file `run.sh` writes.
    static var baselineFile: String {
        ProcessInfo.processInfo.environment["EVIDENCE_BENCH_FILE"] ?? "/tmp/evidence-bench/pubmed-baseline.xml.gz"
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }

    static let megabytesPerSecond = BenchmarkMetric.custom("input MB/s (gzip bytes)", polarity: .prefersLarger, useScalingFactor: false)
    static let recordsPerSecond = BenchmarkMetric.custom("records/s", polarity: .prefersLarger, useScalingFactor: false)
    static let rateMetrics = [megabytesPerSecond, recordsPerSecond]

    /// Records MB/s and records/s from the measured wall-clock time.
    static func report(_ benchmark: Benchmark, bytes: Int, records: Int) {
        guard let nanoseconds = benchmark.measurements[.wallClock]?.last, nanoseconds > 0 else { return }
        let seconds = Double(nanoseconds) / 1e9
        benchmark.measurement(megabytesPerSecond, Int((Double(bytes) / 1e6 / seconds).rounded()))
        benchmark.measurement(recordsPerSecond, Int((Double(records) / seconds).rounded()))
    }
}
