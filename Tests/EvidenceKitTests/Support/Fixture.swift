import Foundation

/// Paths of the real files copied into `Fixtures/` (provenance in `Fixtures/README.md`).
enum Fixture {
    /// The path of `Fixtures/<relativePath>`, e.g. `Fixture.path("pubmed-xml/pubmed4.xml")`.
    static func path(_ relativePath: String) -> String {
        guard let base = Bundle.module.resourceURL else {
            fatalError("the test bundle has no resources")
        }
        return base.appendingPathComponent("Fixtures").appendingPathComponent(relativePath).path
    }

    /// A fresh empty directory for one test, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("evidence-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
