import Foundation
import GRDB
import Testing

@testable import EvidenceKit

/// How a record is recognised as a paper the corpus already has (PMID, DOI, PMCID, then
/// title and year), starting from the real PubMed record of PMID 27797938.
@Suite("Matching a record to a stored source")
struct SourceMatchingTests {
    static func paper() throws -> SourceRecord {
        var records: [SourceRecord] = []
        try PubMedParser().parse(path: Fixture.path("pubmed-xml/pubmed4.xml")) { event in
            if case .record(let record) = event { records.append(record) }
        }
        return try #require(records.first)
    }

    /// Stores `first`, then `second`, in one file's transaction; returns the second outcome
    /// and whether both ended in the same source.
    static func store(_ first: SourceRecord, then second: SourceRecord) throws -> (outcome: IngestOutcome, sameSource: Bool) {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        return try corpus.database.pool.write { db in
            var writer = CorpusWriter(db: db)
            let (stored, _) = try writer.store(PreparedRecord(first, tagger: nil), from: "first.xml")
            let (outcome, _) = try writer.store(PreparedRecord(second, tagger: nil), from: "second.xml")
            try writer.finish()
            return (outcome, outcome.sourceID == stored.sourceID)
        }
    }

    @Test("the same DOI under another PMID is another paper, as the baseline file's copies are")
    func doiUnderAnotherPMID() throws {
        let paper = try Self.paper()
        #expect(paper.doi != nil)
        var copy = paper
        copy.pmid = "99999999"
        let result = try Self.store(paper, then: copy)
        #expect(result.sameSource == false)
        guard case .new = result.outcome else {
            Issue.record("expected a new source, got \(result.outcome)")
            return
        }
    }

    @Test("a copy without PMID is found by its DOI, whatever its spelling")
    func doiWithoutPMID() throws {
        let paper = try Self.paper()
        var copy = paper
        copy.pmid = nil
        copy.doi = "https://doi.org/" + (paper.doi ?? "").uppercased()
        copy.title = "Another title entirely, so that only the DOI can match"
        #expect(try Self.store(paper, then: copy).sameSource)
    }

    @Test("a copy with only its title and year is found by the title")
    func titleAndYear() throws {
        let paper = try Self.paper()
        var copy = SourceRecord(format: .plainText, title: paper.title.uppercased(), year: paper.year)
        copy.blocks = [TextBlock(kind: .title, text: copy.title)]
        #expect(try Self.store(paper, then: copy).sameSource)
        copy.year = (paper.year ?? 2000) + 3
        #expect(try Self.store(paper, then: copy).sameSource == false, "a title match needs a compatible year")
    }

    @Test("a copy with its PMCID only is found by it; a title under a contradicting DOI is not")
    func pmcidAndContradiction() throws {
        var paper = try Self.paper()
        paper.pmcid = "PMC5310283"
        let byPMCID = SourceRecord(format: .jats, pmcid: "PMC5310283", title: "A different title of sufficient length here")
        #expect(try Self.store(paper, then: byPMCID).sameSource)
        let contradicting = SourceRecord(format: .jats, doi: "10.9999/another-paper", title: paper.title, year: paper.year)
        #expect(try Self.store(paper, then: contradicting).sameSource == false)
    }
}
