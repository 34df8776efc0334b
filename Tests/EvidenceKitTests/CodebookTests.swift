import Foundation
import Testing
@testable import EvidenceKit

@Suite("Codebook loading")
struct CodebookTests {
    /// The repository root, found from this file's path (Tests/EvidenceKitTests/…).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the built-in codebook is byte-identical to tags.yml at the repository root")
    func builtInMatchesTagsYml() throws {
        let file = try Data(contentsOf: Self.repositoryRoot.appendingPathComponent("tags.yml"))
        #expect(Data(Codebook.defaultYAML.utf8) == file)
    }

    @Test("the built-in codebook parses without errors or warnings and has every id of the framework")
    func builtInIsValid() throws {
        #expect(CodebookChecker.check(yaml: Codebook.defaultYAML, file: "tags.yml") == [])
        let codebook = Codebook.default
        #expect(codebook.origin == "built-in default")
        #expect(codebook.factors.map(\.id) == [
            "clinical-engagement", "managerial-engagement", "middle-manager-role", "priority-alignment",
            "incentives-motivation", "resources-capacity", "culture-hierarchy", "teamwork-communication",
            "measurement-evidence", "intervention-fit",
        ])
        #expect(codebook.actors.map(\.id) == ["clinical-staff", "middle-managers", "senior-managers", "managers"])
        #expect(codebook.directions.map(\.id) == ["barrier", "facilitator"])
    }

    @Test("the hash is the SHA-256 of the YAML bytes")
    func hashIsSHA256() throws {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let yaml = "factors:\n  - id: x\n    rules:\n      - terms: [x]\n"
        #expect(try Codebook(yaml: yaml).hash == SHA256.hex(Array(yaml.utf8)))
        #expect(try Codebook(yaml: yaml + "# a comment\n").hash != SHA256.hex(Array(yaml.utf8)))
    }

    @Test("resolve prefers --codebook, then ./tags.yml, then the built-in default")
    func resolveOrder() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let builtIn = try Codebook.resolve(explicitPath: nil, currentDirectory: directory.path)
        #expect(builtIn.origin == "built-in default")

        let local = directory.appendingPathComponent("tags.yml")
        try "actors:\n  - id: local\n    rules:\n      - terms: [x]\n".write(to: local, atomically: true, encoding: .utf8)
        let found = try Codebook.resolve(explicitPath: nil, currentDirectory: directory.path)
        #expect(found.actors.map(\.id) == ["local"])
        #expect(found.origin == local.path)

        let explicit = try Codebook.resolve(explicitPath: Fixture.path("codebooks/features.yml"), currentDirectory: directory.path)
        #expect(explicit.actors.map(\.id) == ["managers", "clinical-staff"])
    }

    @Test("a missing file is an error that names the file")
    func missingFile() {
        #expect(throws: CodebookError.self) { try Codebook.load(path: "/nonexistent/tags.yml") }
        do {
            _ = try Codebook.load(path: "/nonexistent/tags.yml")
        } catch {
            #expect(error.description == "cannot read the codebook /nonexistent/tags.yml: no such file")
        }
    }

    @Test("adding extra terms adds one rule, changes the hash and the terms tag text")
    func addingExtraTerms() throws {
        let terms = Codebook.syntheticTerms(count: 1000)
        #expect(terms.count == 1000)
        #expect(Set(terms).count == 1000)
        #expect(terms == Codebook.syntheticTerms(count: 1000))
        let extended = Codebook.default.adding(extraTerms: terms + ["pivotal function"])
        #expect(extended.factors.last?.id == "extra-terms")
        #expect(extended.hash != Codebook.default.hash)
        let tags = Tagger(extended).tag(text: "Middle managers may hold a pivotal function in the implementation of QI projects.")
        #expect(tags.factors.contains("extra-terms"))
        #expect(tags.matches.contains(TagMatch(rule: "extra-terms/extra-terms", label: "extra-terms", text: "pivotal function", start: 27, end: 43)))
    }
}
