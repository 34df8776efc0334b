import Benchmark
import BenchmarkSupport
import EvidenceKit
import Foundation

/// Search latency inside the library on a corpus of the baseline-sized file (30,000
/// records, ingested and tagged once): one iteration is one factor + words query, so the
/// wall-clock percentiles are the per-query p50 and p99.
let benchmarks: @Sendable () -> Void = {
    let database: CorpusDatabase
    do {
        database = try BenchmarkInput.baselineCorpus()
    } catch {
        fatalError("cannot build the baseline corpus: \(error)")
    }
    let search = CorpusSearch(database: database)
    let rotation = Rotation()
    let queries = [
        SearchQuery(words: "engagement", factors: ["clinical-engagement"], limit: 20),
        SearchQuery(words: "quality improvement", factors: ["measurement-evidence"], limit: 20),
        SearchQuery(words: "physician* OR nurse*", factors: ["clinical-engagement"], limit: 20),
        SearchQuery(words: "\"health care\"", factors: ["resources-capacity"], limit: 20),
        SearchQuery(words: "manag*", factors: ["managerial-engagement"], limit: 20),
        SearchQuery(words: "barrier*", factors: ["intervention-fit"], direction: "barrier", limit: 20),
    ]

    Benchmark(
        "search: factor + words, limit 20",
        configuration: .init(
            metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 12,
            maxDuration: .seconds(30), maxIterations: 3000)
    ) { benchmark in
        let query = queries[rotation.next() % queries.count]
        for _ in benchmark.scaledIterations {
            blackHole(try search.search(query))
        }
    }
}

/// Which query the next iteration runs, so that the percentiles mix all of them.
final class Rotation: @unchecked Sendable {
    private var count = 0

    func next() -> Int {
        defer { count += 1 }
        return count
    }
}
