import Foundation
import Testing

@testable import EvidenceKit

/// Search, map and table through a real corpus: the framework paper's abstract page and a
/// PubMed record (pubmed4.xml), tagged with `codebooks/hand-count.yml`, whose labels on the
/// abstract's eight sentences were counted by hand:
///
/// 1. "... may struggle to outperform secular trends." → barrier
/// 2. "... difficulties in engaging clinicians in quality improvement work." → clinical-engagement,
///    clinical-staff, barrier
/// 3. "... this focus on clinicians, at the relative expense of managerial staff ..." → clinical-staff
/// 4. "... managers—particularly middle managers—also have a role ..." → middle-manager-role,
///    middle-managers
/// 5. "Yet managerial participation ..." → nothing
/// 6. "... coordination of front-line staff and managers ..." → clinical-staff
/// 7. "... participation incentives and barriers for different staff groups." → barrier, facilitator
/// 8. "The extent to which clinical and managerial interests align ..." → nothing
///
/// pubmed4.xml (pancreatic cancer genetics) gets no label at all.
@Suite("Search, map and table over a tagged corpus", .serialized)
struct CorpusReportTests {
    let corpus: TestCorpus
    let codebook: Codebook
    let pannickID: Int64
    let pubmedID: Int64

    init() throws {
        corpus = try TestCorpus()
        codebook = try Codebook.load(path: Fixture.path("codebooks/hand-count.yml"))
        let summary = corpus.ingest(
            "plain-text/pannick-2016-abstract-page-bmj.txt", "pubmed-xml/pubmed4.xml", tagger: Tagger(codebook))
        guard summary.succeeded, summary.newSources == 2 else { throw CocoaError(.fileReadCorruptFile) }
        let sources = try corpus.sources()
        pannickID = sources[0].id
        pubmedID = sources[1].id
    }

    private func search(_ query: SearchQuery) throws -> [String] {
        try CorpusSearch(database: corpus.database).search(query).map(\.passage.text)
    }

    private func sentence(_ number: Int) throws -> String {
        let passages = try CorpusReader(database: corpus.database).source(id: pannickID).passages
        return passages[number].passage.text
    }

    @Test("filters by actor, direction and factor hold together, in source order")
    func labelFilters() throws {
        defer { corpus.remove() }
        #expect(try search(SearchQuery(actors: ["clinical-staff"])) == [try sentence(2), try sentence(3), try sentence(6)])
        #expect(try search(SearchQuery(direction: "barrier")) == [try sentence(1), try sentence(2), try sentence(7)])
        #expect(try search(SearchQuery(factors: ["clinical-engagement"], direction: "barrier")) == [try sentence(2)])
        #expect(try search(SearchQuery(factors: ["clinical-engagement", "middle-manager-role"])).isEmpty)
        #expect(try search(SearchQuery(direction: "facilitator", limit: 5)) == [try sentence(7)])
    }

    @Test("words use full-text search with stemming, prefixes and phrases, ranked, with highlights")
    func words() throws {
        defer { corpus.remove() }
        let managers = try CorpusSearch(database: corpus.database).search(SearchQuery(words: "managers"))
        #expect(Set(managers.map(\.passage.text)) == [try sentence(4), try sentence(6)])
        #expect(managers[0].passage.text == (try sentence(4)), "two occurrences rank above one")
        #expect(managers[0].highlights.count == 2)
        #expect(managers.allSatisfy { $0.score > 0 })
        #expect(Set(try search(SearchQuery(words: "manag*"))) == Set(try [0, 3, 4, 5, 6, 8].map(sentence)), "the title and five sentences")
        #expect(try search(SearchQuery(words: "\"middle managers\"")) == [try sentence(4)])
        #expect(try search(SearchQuery(words: "managers NOT middle")) == [try sentence(6)])
        #expect(try search(SearchQuery(words: "telomere", sourceID: pannickID)).isEmpty)
        #expect(try search(SearchQuery(words: "telomere", sourceID: pubmedID)).count >= 1)
    }

    @Test("section and year filters")
    func sectionAndYear() throws {
        defer { corpus.remove() }
        let results = try CorpusSearch(database: corpus.database).search(SearchQuery(section: "result"))
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0.passage.section == "RESULTS" && $0.source.id == pubmedID })
        #expect(Set(try CorpusSearch(database: corpus.database).search(SearchQuery(years: 2016...2017)).map(\.source.id)) == [pubmedID])
        #expect(SearchQuery.parseYears("2010-2016") == 2010...2016)
        #expect(SearchQuery.parseYears("2016") == 2016...2016)
        #expect(SearchQuery.parseYears("2016-2010") == nil)
    }

    @Test("a malformed search expression is a clear error")
    func invalidWords() throws {
        defer { corpus.remove() }
        #expect(throws: SearchError.self) { try search(SearchQuery(words: "\"unclosed")) }
    }

    @Test("the map counts sources and passages per cell and marks gaps")
    func mapCells() throws {
        defer { corpus.remove() }
        let evidence = try CorpusSearch(database: corpus.database).evidence()
        #expect(evidence.sources.map(\.id) == [pannickID])
        #expect(evidence.items.count == 6, "sentences 1, 2, 3, 4, 6 and 7 carry a label")
        let map = try EvidenceMap(sources: evidence.sources, items: evidence.items, framework: codebook.framework)
        let columns = map.columns.map(\.id)
        func cell(_ factor: String, _ actor: String) throws -> EvidenceMap.Cell {
            let row = try #require(map.rows.first { $0.factor.id == factor })
            let column = try #require(columns.firstIndex(of: actor))
            return row.cells[column]
        }
        #expect(try cell("clinical-engagement", "clinical-staff").passageCount == 1)
        #expect(try cell("clinical-engagement", "clinical-staff").sourceCount == 1)
        #expect(try cell("clinical-engagement", "clinical-staff").citations == [1])
        #expect(try cell("middle-manager-role", "middle-managers").passageCount == 1)
        #expect(try cell("clinical-engagement", "middle-managers").isGap)
        #expect(try cell("middle-manager-role", "clinical-staff").isGap)
        #expect(map.render(.markdown).contains("GAP"))
    }

    @Test("the table row of a factor counts barriers per staff group and cites its source")
    func tableRow() throws {
        defer { corpus.remove() }
        let evidence = try CorpusSearch(database: corpus.database).evidence()
        let table = try SummaryTable(sources: evidence.sources, items: evidence.items, framework: codebook.framework)
        let row = try #require(table.rows.first { $0.factor.id == "clinical-engagement" })
        #expect(row.sourceCount == 1)
        #expect(row.passageCount == 1)
        let clinical = try #require(row.staff.first { $0.group.id == "clinical-staff" })
        #expect(clinical.barriers == 1)
        #expect(clinical.facilitators == 0)
        #expect(row.quotes.map(\.item.passage.text) == [try sentence(2)])
        #expect(row.citations == [1])
        let reference = table.references.text(style: .vancouver)
        #expect(reference.contains("Pannick S, Sevdalis N, Athanasiou T. Beyond clinical engagement"))
    }

    @Test("the report bundle writes every file and a manifest, all or nothing")
    func reportBundle() throws {
        defer { corpus.remove() }
        let evidence = try CorpusSearch(database: corpus.database).evidence()
        let table = try SummaryTable(sources: evidence.sources, items: evidence.items, framework: codebook.framework)
        let map = try EvidenceMap(sources: evidence.sources, items: evidence.items, framework: codebook.framework)
        let out = corpus.directory.appendingPathComponent("report")
        let written = try ReportBundle(table: table, map: map, style: .apa).write(to: out) { files in
            ReportManifest(
                createdAt: Date(timeIntervalSince1970: 0), codebook: .init(source: codebook.origin, hash: codebook.hash),
                corpus: .init(path: corpus.database.path, sources: 2, passages: 0, taggedPassages: 6, sourcesInReport: 1, passagesInReport: 6),
                inputs: [], citationStyle: .apa, mapBy: .actor, files: files)
        }
        #expect(written.map { ($0 as NSString).lastPathComponent }.sorted() == [
            "evidence-map.csv", "evidence-map.html", "evidence-map.md", "manifest.json", "references.ris",
            "references.txt", "summary-table.csv", "summary-table.html", "summary-table.md",
        ])
        let manifest = try JSONDecoder().decode(ReportManifest.self, from: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        #expect(manifest.codebook.hash == codebook.hash)
        #expect(manifest.createdAt == "1970-01-01T00:00:00Z")
        let ris = try String(contentsOf: out.appendingPathComponent("references.ris"), encoding: .utf8)
        #expect(ris.contains("AU  - Pannick, S"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: corpus.directory.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }
}
