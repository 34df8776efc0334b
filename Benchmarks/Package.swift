// swift-tools-version: 6.1
// Benchmarks live in their own package so that `swift build` and `swift test` of the tool
// never compile them. Run them with `Benchmarks/run.sh` (see the README).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so the checkout's folder name is
/// the package identity of EvidenceKit, whatever the clone was called.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "EvidenceBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "EvidenceKit", package: rootPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "BenchmarkSupport"),
    ] + ["IngestBenchmarks", "TaggingBenchmarks", "SearchBenchmarks"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "BenchmarkSupport",
                .product(name: "EvidenceKit", package: rootPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: name,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
    }
)
