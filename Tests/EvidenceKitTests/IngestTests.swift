import Foundation
import GRDB
import Testing

@testable import EvidenceKit

/// End-to-end ingest into a real corpus file, over real fixtures.
@Suite("Ingest into the corpus")
struct IngestTests {
    @Test("PubMed, JATS and plain text land as sources with their passages and provenance")
    func mixedFolder() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let summary = corpus.ingest(
            "pubmed-xml/pubmed4.xml", "jats/mds526.nxml", "plain-text/pannick-2016-abstract-page-bmj.txt")
        #expect(summary.succeeded)
        #expect(summary.files == 3)
        #expect(summary.newSources == 3)
        let sources = try corpus.sources()
        #expect(sources.map(\.metadata.format) == [.pubmedXML, .jats, .plainText])
        let pubmed = sources[0]
        #expect(pubmed.metadata.pmid == "27797938")
        #expect(pubmed.files == [Fixture.path("pubmed-xml/pubmed4.xml")])
        let (_, passages, _) = try CorpusReader(database: corpus.database).source(id: pubmed.id)
        #expect(passages.first?.passage.kind == .title)
        #expect(Set(passages.map(\.passage.section)).isSuperset(of: ["OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"]))
        let paragraphTexts = try corpus.database.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT g.text AS paragraph, p.start, p.\"end\", p.text FROM passage p JOIN paragraph g ON g.id = p.paragraph_id")
        }
        for row in paragraphTexts {
            let paragraph = Array((row["paragraph"] as String).unicodeScalars)
            let slice = String(String.UnicodeScalarView(paragraph[(row["start"] as Int)..<(row["end"] as Int)]))
            #expect(slice == row["text"], "a passage's offsets must point at its text in the stored paragraph")
        }
    }

    @Test("re-ingesting the same files changes nothing")
    func reingestIsIdempotent() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let first = corpus.ingest("pubmed-xml/pubmed26n1335.xml.gz", "jats/PMC3747765.nxml.gz", "plain-text")
        #expect(first.succeeded)
        let before = try corpus.statistics()
        let again = corpus.ingest("pubmed-xml/pubmed26n1335.xml.gz", "jats/PMC3747765.nxml.gz", "plain-text")
        #expect(again.newSources == 0)
        #expect(again.updatedSources == 0)
        #expect(again.unchangedSources == first.records - first.skippedRecords.count - again.deletedSources)
        #expect(again.passages == 0)
        var after = try corpus.statistics()
        after.databaseBytes = before.databaseBytes
        #expect(after == before)
    }

    @Test("the two saved pages of the framework paper become one source with both files")
    func pannickPagesMerge() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let summary = corpus.ingest(
            "plain-text/pannick-2016-abstract-page-bmj.txt", "plain-text/pannick-2016-abstract-page-zh.txt")
        #expect(summary.newSources == 1)
        #expect(summary.updatedSources == 1)
        let sources = try corpus.sources()
        #expect(sources.count == 1)
        let paper = try #require(sources.first)
        #expect(paper.files.count == 2)
        #expect(paper.metadata.doi == "10.1136/bmjqs-2015-004453")
        #expect(paper.metadata.authors.map(\.display) == ["Pannick S", "Sevdalis N", "Athanasiou T"])
        #expect(paper.metadata.volume == "25")
        #expect(paper.metadata.pages == "716-725")
        let passages = try CorpusReader(database: corpus.database).source(id: paper.id).passages
        #expect(passages.count == 9, "title and the 8 sentences of the abstract, stored once")
        #expect(passages.contains { $0.passage.text.contains("managers—particularly middle managers—also") })
    }

    @Test("a full text enriches the abstract-only source of the same paper without duplicating passages")
    func fullTextEnrichesAbstract() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let abstractOnly = corpus.ingest("plain-text/mds526-abstract-record.txt")
        #expect(abstractOnly.newSources == 1)
        let abstractPassages = try corpus.statistics().passages
        let full = corpus.ingest("jats/mds526.nxml")
        #expect(full.newSources == 0)
        #expect(full.updatedSources == 1)
        let sources = try corpus.sources()
        #expect(sources.count == 1)
        let paper = try #require(sources.first)
        #expect(paper.metadata.format == .jats)
        #expect(paper.metadata.pmid == "23149571")
        #expect(paper.files == [Fixture.path("jats/mds526.nxml"), Fixture.path("plain-text/mds526-abstract-record.txt")])
        let stats = try corpus.statistics()
        #expect(stats.passagesByKind["body", default: 0] > 0)
        #expect(stats.passages > abstractPassages)
        #expect(stats.references == 40)
        let texts = try CorpusReader(database: corpus.database).source(id: paper.id).passages.map(\.passage.text)
        let firstSentence = "Understanding socio-demographic inequalities in stage at diagnosis can inform priorities for cancer control."
        #expect(texts.filter { $0 == firstSentence }.count == 1, "the abstract is stored once, from the full text")
        let poorerAgain = corpus.ingest("plain-text/mds526-abstract-record.txt")
        #expect(poorerAgain.unchangedSources == 1)
        #expect(try corpus.statistics().passages == stats.passages)
    }

    @Test("a malformed file is reported with its line, nothing of it is stored, the others are")
    func malformedFileIsIsolated() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let summary = corpus.ingest("pubmed-xml/MedlineImporterTestMalformedEntry.xml", "pubmed-xml/pubmed7.xml")
        #expect(!summary.succeeded)
        #expect(summary.files == 1)
        let failure = try #require(summary.failures.first)
        #expect(failure.path == Fixture.path("pubmed-xml/MedlineImporterTestMalformedEntry.xml"))
        #expect(failure.line == 4)
        #expect(failure.message.hasPrefix(Fixture.path("pubmed-xml/MedlineImporterTestMalformedEntry.xml") + ":4: malformed:"))
        #expect(try corpus.sources().count == 1)
    }

    @Test("gzip input is read transparently; its DeleteCitation leaves other papers alone")
    func gzipInput() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let summary = corpus.ingest("pubmed-xml/pubmed26n1335.xml.gz")
        #expect(summary.succeeded)
        #expect(summary.records == 30)
        #expect(summary.newSources == 30)
        #expect(summary.deletedSources == 0, "the six deleted PMIDs are not among the file's records")
        #expect(try corpus.sources().first?.metadata.pmid == "26228458")
    }

    @Test("DeleteCitation in a later update file removes that paper with its passages")
    func deleteCitation() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        _ = corpus.ingest("pubmed-xml/pubmed4.xml", "pubmed-xml/pubmed7.xml")
        let update = corpus.directory.appendingPathComponent("update.xml")
        try """
            <?xml version="1.0"?>
            <PubmedArticleSet><DeleteCitation><PMID Version="1">27797938</PMID><PMID Version="1">1</PMID></DeleteCitation></PubmedArticleSet>
            """.write(to: update, atomically: true, encoding: .utf8)
        let summary = Ingester(database: corpus.database).ingest(paths: [update.path])
        #expect(summary.deletedSources == 1)
        #expect(try corpus.sources().compactMap(\.metadata.pmid) == ["29963580"])
        let orphans = try corpus.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM passage WHERE source_id NOT IN (SELECT id FROM source)")
        }
        #expect(orphans == 0)
    }

    @Test("XXE and entity bombs: nothing from outside the file is stored, the bomb fails fast")
    func unsafeXML() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let secret = corpus.directory.appendingPathComponent("secret.txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        let xxe = corpus.directory.appendingPathComponent("xxe.xml")
        try """
            <?xml version="1.0"?>
            <!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
            <ArticleTitle>Leaks &xxe; nothing</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
            """.write(to: xxe, atomically: true, encoding: .utf8)
        var entities = "<!ENTITY a0 \"lol\">"
        for level in 1...9 { entities += "<!ENTITY a\(level) \"\(String(repeating: "&a\(level - 1);", count: 10))\">" }
        let bomb = corpus.directory.appendingPathComponent("bomb.xml")
        try """
            <?xml version="1.0"?>
            <!DOCTYPE PubmedArticleSet [\(entities)]>
            <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>2</PMID><Article>
            <ArticleTitle>&a9;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
            """.write(to: bomb, atomically: true, encoding: .utf8)
        let clock = ContinuousClock()
        let started = clock.now
        let summary = Ingester(database: corpus.database).ingest(paths: [xxe.path, bomb.path])
        #expect(clock.now - started < .seconds(5))
        let titles = try corpus.sources().map(\.metadata.title)
        #expect(titles == ["Leaks nothing"])
        let bombFailure = try #require(summary.failures.first)
        #expect(bombFailure.path == bomb.path)
        #expect(bombFailure.message.contains("refused for safety") || bombFailure.message.contains("malformed"))
        let stored = try corpus.database.pool.read { db in try String.fetchAll(db, sql: "SELECT text FROM paragraph") }
        #expect(!stored.contains { $0.contains("TOP-SECRET") })
    }

    @Test("unsupported and unknown files are skipped with a reason, not failed")
    func skippedFormats() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let readme = corpus.directory.appendingPathComponent("README.md")
        try "# Notes\n\nNot a paper.\n".write(to: readme, atomically: true, encoding: .utf8)
        let summary = Ingester(database: corpus.database).ingest(paths: [readme.path, corpus.directory.appendingPathComponent("missing.xml").path])
        #expect(summary.skipped == [.init(path: readme.path, reason: "not a format evidence reads (Markdown, not a literature record)")])
        #expect(summary.failures.map(\.reason) == ["no such file or folder"])
    }
}
