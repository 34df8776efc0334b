import Benchmark
import BenchmarkSupport
import EvidenceKit
import Foundation

/// Ingest throughput on a baseline-sized PubMed file (30,000 real records, about 230 MB of
/// XML, 35 MB gzip), made by `../shared/tools/make-pubmed-baseline.py`; `run.sh` makes it.
/// `xmllint --stream --noout` on the same file is measured beside it as the reference.
let benchmarks: @Sendable () -> Void = {
    let file = BenchmarkInput.baselineFile
    let bytes = BenchmarkInput.size(of: file)
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .throughput],
        timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3)

    Benchmark("xmllint --stream --noout (reference)") { benchmark in
        for _ in benchmark.scaledIterations {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            process.arguments = ["--stream", "--noout", file]
            try process.run()
            process.waitUntilExit()
        }
    }

    Benchmark(
        "parse only (PubMedParser)",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident] + BenchmarkInput.rateMetrics)
    ) { benchmark in
        var records = 0
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let duration = try clock.measure {
            try PubMedParser().parse(path: file) { event in
                if case .record(let record) = event {
                    records += 1
                    blackHole(record)
                }
            }
        }
        benchmark.stopMeasurement()
        BenchmarkInput.report(benchmark, bytes: bytes, records: records, duration: duration)
    }

    Benchmark(
        "full ingest (parse, split, store, index, tag)",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident] + BenchmarkInput.rateMetrics)
    ) { benchmark in
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try CorpusDatabase(path: directory.appendingPathComponent("corpus.sqlite").path)
        let ingester = Ingester(database: database, tagger: Tagger(.default))
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let started = clock.now
        let summary = ingester.ingest(paths: [file])
        let duration = clock.now - started
        benchmark.stopMeasurement()
        precondition(summary.succeeded, "ingest failed: \(summary.failures)")
        BenchmarkInput.report(benchmark, bytes: bytes, records: summary.records, duration: duration)
    }
}
