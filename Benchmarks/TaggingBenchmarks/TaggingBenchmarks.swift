import Benchmark
import BenchmarkSupport
import EvidenceKit
import Foundation

/// Tagging throughput on the titles and abstracts of the baseline-sized PubMed file, on one
/// core, with the default codebook and with 1,000 extra terms: the cost must grow with the
/// text, not with the number of rules.
let benchmarks: @Sendable () -> Void = {
    let sources: [[Passage]]
    do {
        sources = try BenchmarkInput.passagesBySource(kinds: [.title, .abstract])
    } catch {
        fatalError("cannot read the baseline file \(BenchmarkInput.baselineFile): \(error)")
    }
    let bytes = sources.reduce(0) { total, passages in total + passages.reduce(0) { $0 + $1.text.utf8.count } }
    let passageCount = sources.reduce(0) { $0 + $1.count }
    let textMegabytesPerSecond = BenchmarkMetric.custom("passage text MB/s", polarity: .prefersLarger, useScalingFactor: false)

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, textMegabytesPerSecond], timeUnits: .milliseconds,
        warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5)

    for (name, codebook) in [
        ("default codebook", Codebook.default),
        ("default codebook + 1,000 extra terms", Codebook.default.adding(extraTerms: Codebook.syntheticTerms(count: 1000))),
    ] {
        let tagger = Tagger(codebook)
        Benchmark("tag \(passageCount) passages (\(bytes / 1_000_000) MB), \(name)") { benchmark in
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let duration = clock.measure {
                for passages in sources {
                    blackHole(tagger.tag(source: passages))
                }
            }
            benchmark.stopMeasurement()
            benchmark.measurement(textMegabytesPerSecond, Int((Double(bytes) / 1e6 / duration.secondsValue).rounded()))
        }
    }
}
