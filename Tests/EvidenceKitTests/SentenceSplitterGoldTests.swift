import Foundation
import Testing

@testable import EvidenceKit

/// The gold sentences of `Fixtures/gold/` were cut from their abstracts by a rule-based
/// splitter (label-only lines such as "Methods" dropped); this suite checks that ours
/// reproduces them, and produces nothing else but those label lines.
@Suite("Sentence splitter against the gold sentences")
struct SentenceSplitterGoldTests {
    struct GoldSource: Decodable { let id: String; let abstract: String }
    struct GoldSentence: Decodable { let source: String; let text: String }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> [T] {
        let data = try String(contentsOfFile: Fixture.path("gold/\(name)"), encoding: .utf8)
        let decoder = JSONDecoder()
        return try data.split(separator: "\n").map { try decoder.decode(T.self, from: Data($0.utf8)) }
    }

    /// Our sentences of each gold abstract, by source id.
    static func ourSentences() throws -> [String: [String]] {
        let splitter = SentenceSplitter()
        var ours: [String: [String]] = [:]
        for source in try load("dev-sources.jsonl", as: GoldSource.self) {
            let scalars = Array(source.abstract.unicodeScalars)
            ours[source.id] = splitter.split(source.abstract).map { String(scalars: scalars[$0]) }
        }
        return ours
    }

    @Test("reproduces 345 of the 348 gold sentences (99.1%); the 3 misses are d26's inline a)/b) list")
    func goldAgreement() throws {
        let gold = try Self.load("dev.jsonl", as: GoldSentence.self)
        let ours = try Self.ourSentences()
        #expect(gold.count == 348)
        #expect(ours.count == 44)
        let missed = gold.filter { ours[$0.source]?.contains($0.text) != true }
        let agreement = Double(gold.count - missed.count) / Double(gold.count)
        #expect(agreement >= 0.99, "agreement \(agreement)")
        // The gold splitter cut "...underlie this proposition a) that ...; and b) that ..." at the
        // letters of an inline list; we keep that sentence whole, as we keep "(1) ... (2) ...".
        #expect(missed.map(\.source) == ["d26", "d26", "d26"])
        #expect(missed.first?.text == "Two particular and critical arguments underlie this proposition")
    }

    @Test("every sentence not in the gold is a label-only line the gold dropped")
    func noExtraSentences() throws {
        let goldTexts = Set(try Self.load("dev.jsonl", as: GoldSentence.self).map(\.text))
        var labels: [String] = []
        for (id, sentences) in try Self.ourSentences() where id != "d26" {
            for sentence in sentences where !goldTexts.contains(sentence) {
                labels.append(sentence)
            }
        }
        #expect(labels.count == 29)
        #expect(Set(labels) == ["Background", "Methods", "Method", "Results", "Conclusions", "Summary", "Discussion",
                                "Background and Objectives", "Design", "Participants", "Interventions"])
    }

    @Test("sentences are ordered, disjoint, trimmed and cover every non-space scalar")
    func coverage() throws {
        let splitter = SentenceSplitter()
        for source in try Self.load("dev-sources.jsonl", as: GoldSource.self) {
            let scalars = Array(source.abstract.unicodeScalars)
            var covered = [Bool](repeating: false, count: scalars.count)
            var previousEnd = 0
            for range in splitter.split(source.abstract) {
                #expect(range.lowerBound >= previousEnd && !range.isEmpty, "\(source.id) \(range)")
                #expect(!ScalarClass.isSpace(scalars[range.lowerBound]) && !ScalarClass.isSpace(scalars[range.upperBound - 1]))
                for k in range { covered[k] = true }
                previousEnd = range.upperBound
            }
            let uncovered = scalars.indices.filter { !covered[$0] && !ScalarClass.isSpace(scalars[$0]) }
            #expect(uncovered.isEmpty, "\(source.id) leaves \(uncovered.count) scalars out")
        }
    }
}
