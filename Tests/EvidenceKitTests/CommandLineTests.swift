import Foundation
import Testing

@testable import EvidenceKit

/// The `evidence` executable as a researcher runs it: exit codes, messages and output
/// formats. Uses the binary `swift test` built beside the test bundle.
@Suite("The evidence command")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    private func evidence(_ arguments: [String], in directory: URL, environment: [String: String] = [:], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = InterruptedIngestTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test("ingest exits 1 and names file and line when a file fails; the good file is listed as JSON Lines")
    func ingestAndList() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = Fixture.path("pubmed-xml/MedlineImporterTestMalformedEntry.xml")
        let ingest = try evidence(["ingest", "--quiet", bad, Fixture.path("pubmed-xml/pubmed4.xml")], in: directory)
        #expect(ingest.status == 1)
        #expect(ingest.errors.contains("error: \(bad):4: malformed:"))
        #expect(ingest.output.contains("Sources: 1 new"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".evidence/corpus.sqlite").path))

        let list = try evidence(["sources", "--format", "jsonl"], in: directory)
        #expect(list.status == 0)
        let line = try #require(list.output.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["id", "pmid", "pmcid", "doi", "title", "authors", "journal", "year", "volume", "issue", "pages", "files", "passages"])
        #expect(object["pmid"] as? String == "27797938")
        #expect((object["authors"] as? [String])?.first == "Bao Y")
        #expect(object["year"] as? Int == 2017)

        let show = try evidence(["show", "1", "--format", "jsonl"], in: directory)
        let passages = show.output.split(separator: "\n").dropFirst()
        let first = try #require(passages.first)
        let passage = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(passage["kind"] as? String == "title")
        #expect(passage["source"] as? Int == 1)
        #expect(passage["index"] as? Int == 0)
        #expect(Set(passage.keys).isSuperset(of: ["source", "section", "kind", "index", "text"]))
    }

    @Test("--db and EVIDENCE_DB choose the corpus; ingest --format json gives the summary")
    func databaseLocation() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fromEnvironment = directory.appendingPathComponent("env.sqlite").path
        let run = try evidence(
            ["ingest", "--quiet", "--format", "json", Fixture.path("pubmed-xml/pubmed7.xml")], in: directory,
            environment: ["EVIDENCE_DB": fromEnvironment])
        #expect(run.status == 0)
        let summary = try JSONDecoder().decode(IngestSummary.self, from: Data(run.output.utf8))
        #expect(summary.newSources == 1)
        #expect(FileManager.default.fileExists(atPath: fromEnvironment))
        let option = directory.appendingPathComponent("option.sqlite").path
        _ = try evidence(["ingest", "--quiet", "--db", option, Fixture.path("pubmed-xml/pubmed4.xml")], in: directory, environment: ["EVIDENCE_DB": fromEnvironment])
        let stats = try evidence(["stats", "--format", "json", "--db", option], in: directory)
        #expect(try JSONDecoder().decode(CorpusStatistics.self, from: Data(stats.output.utf8)).sources == 1)
        #expect(CorpusDatabase.resolvePath(option: nil, environment: [:]) == ".evidence/corpus.sqlite")
    }

    @Test("tag-text reads plain lines or JSON Lines and writes one JSON object per input")
    func tagText() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try evidence(
            ["tag-text"], in: directory,
            input: "Lack of managerial support was the main barrier.\nThe weather was fine.\n")
        #expect(plain.status == 0)
        let lines = plain.output.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? Int == 1)
        #expect((first["factors"] as? [String])?.contains("managerial-engagement") == true)
        #expect((first["direction"] as? [String]) == ["barrier"])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect((second["factors"] as? [String]) == [])
        let json = try evidence(["tag-text"], in: directory, input: "{\"id\": \"s1\", \"text\": \"Nurses resisted the new checklist.\"}\n")
        let tagged = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(tagged["id"] as? String == "s1")
        #expect((tagged["actors"] as? [String]) == ["clinical-staff"])
    }
}
