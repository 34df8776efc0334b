import Foundation
import Testing

@testable import EvidenceKit

/// Every event of one parse, in order.
private struct Parsed {
    var events: [ParseEvent] = []

    var records: [SourceRecord] {
        events.compactMap { event in
            if case .record(let record) = event { return record }
            return nil
        }
    }

    var deletions: [[String]] {
        events.compactMap { event in
            if case .delete(let pmids) = event { return pmids }
            return nil
        }
    }

    var skipped: [RecordProblem] {
        events.compactMap { event in
            if case .skipped(let line, let reason) = event { return RecordProblem(line: line, reason: reason) }
            return nil
        }
    }

    func record(_ pmid: String) -> SourceRecord? {
        records.first { $0.pmid == pmid }
    }
}

private func parse(_ fixture: String) throws -> Parsed {
    try parse(path: Fixture.path("pubmed-xml/\(fixture)"))
}

private func parse(path: String) throws -> Parsed {
    var parsed = Parsed()
    try PubMedParser().parse(path: path) { parsed.events.append($0) }
    return parsed
}

/// Parses `path`, keeping the events before the error, and returns both.
private func parseExpectingError(path: String) -> (Parsed, IngestError?) {
    var parsed = Parsed()
    do {
        try PubMedParser().parse(path: path) { parsed.events.append($0) }
        return (parsed, nil)
    } catch let error as IngestError {
        return (parsed, error)
    } catch {
        Issue.record("unexpected error type: \(error)")
        return (parsed, nil)
    }
}

private func abstractSections(_ record: SourceRecord) -> [String] {
    record.blocks.filter { $0.kind == .abstract }.map(\.section)
}

private let tertTitle =
    "Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer."

@Suite("PubMed XML parser")
struct PubMedParserTests {
    @Test("pubmed4.xml gives PMID 27797938 with every field")
    func pubmed4() throws {
        let parsed = try parse("pubmed4.xml")
        #expect(parsed.events.count == 1)
        let record = try #require(parsed.records.first)
        #expect(record.format == .pubmedXML)
        #expect(record.pmid == "27797938")
        #expect(record.pmcid == "PMC5442267")
        #expect(record.doi == "10.1136/gutjnl-2016-312510")
        #expect(record.title == tertTitle)
        #expect(record.authors.count == 22)
        #expect(record.authors.first == Author(family: "Bao", given: "Ying", initials: "Y"))
        #expect(record.authors.first?.display == "Bao Y")
        #expect(record.authors.last?.display == "Wolpin BM")
        #expect(record.journal == "Gut")
        #expect(record.journalAbbreviation == "Gut")
        #expect(record.year == 2017)
        #expect(record.volume == "66")
        #expect(record.issue == "6")
        #expect(record.pages == "1116-1122")
        #expect(record.language == "eng")
        #expect(record.keywords == ["PANCREATIC CANCER"])
        #expect(record.meshHeadings.count == 21)
        #expect(record.meshHeadings.first == "Adenocarcinoma")
        #expect(record.publicationTypes.first == "Journal Article")
        #expect(record.references.isEmpty)
        #expect(record.blocks.map(\.kind) == [.title, .abstract, .abstract, .abstract, .abstract])
        #expect(record.blocks.first == TextBlock(kind: .title, text: tertTitle))
        #expect(abstractSections(record) == ["OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"])
        #expect(
            record.blocks.last?.text
                == "Prediagnostic leucocyte telomere length and genetic variants at the TERT gene region were associated with risk of pancreatic cancer."
        )
        #expect(record.blocks[3].text.contains("p trend=0.048") == false)
        #expect(record.blocks[3].text.contains("ptrend=0.048"))
        #expect(record.blocks[3].text.contains("r2<0.25"))
    }

    @Test("inline tags without spaces (title_with_html_tags.xml) give the same words as pubmed4.xml")
    func titleWithHTMLTags() throws {
        let tagged = try #require(try parse("title_with_html_tags.xml").records.first)
        let spaced = try #require(try parse("pubmed4.xml").records.first)
        #expect(tagged.title == tertTitle)
        #expect(tagged.blocks.count == spaced.blocks.count)
        for index in tagged.blocks.indices {
            #expect(tagged.blocks[index] == spaced.blocks[index])
        }
    }

    @Test("pubmed7.xml keeps the CollectiveName as a group author and its reference list")
    func collectiveName() throws {
        let record = try #require(try parse("pubmed7.xml").records.first)
        #expect(record.pmid == "29963580")
        #expect(record.authors.count == 9)
        #expect(record.authors.last == .group("Canadian Respiratory Research Network"))
        #expect(record.authors.last?.isGroup == true)
        #expect(record.doi == "10.1117/1.JMI.5.2.026002")
        #expect(record.pmcid == "PMC6022861")
        #expect(record.references.count == 49)
        #expect(record.references.first == "Radiology. 2015 Jan;274(1):250-9")
        #expect(abstractSections(record) == [""])
    }

    @Test("34843274.xml: an author list holding only a group")
    func groupOnly() throws {
        let record = try #require(try parse("34843274.xml").records.first)
        #expect(record.authors == [.group("Guideline Development Panel for the Treatment of Depressive Disorders")])
        #expect(record.authors.first?.display == "Guideline Development Panel for the Treatment of Depressive Disorders")
    }

    @Test("NLM's 2018 sample: 177 records, MedlineDate years, empty English titles")
    func pubmedSample2018() throws {
        let parsed = try parse("pubmedsample18n0001.xml.gz")
        #expect(parsed.records.count == 177)
        #expect(parsed.deletions.isEmpty)
        #expect(parsed.records.first?.pmid == "973217")
        #expect(parsed.records.last?.pmid == "23203896")
        let medlineDate = try #require(parsed.record("10188493"))
        #expect(medlineDate.year == 1998)
        #expect(medlineDate.title == "Women's health osteopathy: an alternative view.")
        #expect(medlineDate.volume == "5")
        #expect(medlineDate.issue == "8")
        #expect(medlineDate.pages == "6-9")
        #expect(medlineDate.journalAbbreviation == "Nurs Manag (Harrow)")
        #expect(medlineDate.authors.map(\.display) == ["Hyne J"])
        #expect(parsed.records.allSatisfy { $0.year != nil })
        let vernacularOnly = try #require(parsed.record("23203861"))
        #expect(vernacularOnly.title == "Recensie.")
        #expect(vernacularOnly.language == "dut")
        #expect(vernacularOnly.doi == "10.1007/BF03074826")
        #expect(parsed.records.flatMap(abstractSections).filter { !$0.isEmpty }.count == 88)
        #expect(parsed.records.flatMap(\.authors).filter(\.isGroup).count == 13)
        #expect(parsed.records.map(\.meshHeadings.count).reduce(0, +) == 1746)
        #expect(parsed.records.map(\.keywords.count).reduce(0, +) == 236)
    }

    @Test("medline16n0902.xml.gz: 604 bare MedlineCitation records, then one DeleteCitation")
    func medlineUpdateFile() throws {
        let parsed = try parse("medline16n0902.xml.gz")
        #expect(parsed.records.count == 604)
        #expect(parsed.events.count == 605)
        #expect(parsed.deletions == [["26432306"]])
        if case .delete(let pmids) = parsed.events.last {
            #expect(pmids == ["26432306"])
        } else {
            Issue.record("the DeleteCitation at the end of the file must be the last event")
        }
        #expect(parsed.records.first?.pmid == "17942999")
        #expect(parsed.records.last?.pmid == "26109528")
        #expect(parsed.records.allSatisfy { $0.pmcid == nil })
        #expect(parsed.records.filter { $0.doi != nil }.count == 579)
        #expect(parsed.records.flatMap(abstractSections).filter { !$0.isEmpty }.count == 1085)
        #expect(parsed.records.flatMap(\.authors).filter(\.isGroup).count == 8)
        #expect(parsed.records.map(\.meshHeadings.count).reduce(0, +) == 1404)
        #expect(parsed.records.map(\.keywords.count).reduce(0, +) == 2011)
        #expect(Set(parsed.records.compactMap(\.language)) == ["eng", "ita"])
    }

    @Test("pubmed26n1335.xml.gz: 30 records, then a DeleteCitation with 6 PMIDs")
    func pubmedUpdateFile2026() throws {
        let parsed = try parse("pubmed26n1335.xml.gz")
        #expect(parsed.records.count == 30)
        #expect(parsed.events.count == 31)
        #expect(
            parsed.deletions == [["41456105", "41557076", "41616784", "41618748", "41618749", "41618779"]])
        #expect(parsed.records.first?.pmid == "26228458")
        #expect(parsed.records.last?.pmid == "41618279")
        let first = try #require(parsed.records.first)
        #expect(first.doi == "10.1038/ijo.2015.140")
        #expect(first.pmcid == "PMC4677453")
        #expect(first.journalAbbreviation == "Int J Obes (Lond)")
        #expect(first.authors.first?.display == "Carrillo-Larco RM")
        #expect(abstractSections(first) == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"])
        #expect(parsed.records.flatMap(abstractSections).filter { !$0.isEmpty }.count == 48)
        #expect(parsed.records.flatMap(\.authors).filter(\.isGroup).count == 3)
    }

    @Test("a GeneReviews book chapter: chapter authors, not the book's editors")
    func bookChapter() throws {
        let parsed = try parse("sample_article_20301577.xml")
        #expect(parsed.events.count == 1)
        let record = try #require(parsed.records.first)
        #expect(record.pmid == "20301577")
        #expect(record.title == "CACNA1C-Related Disorders")
        #expect(record.journal == "GeneReviews®")
        #expect(record.year == 1993)
        #expect(record.authors.map(\.display) == ["Napolitano C", "Priori SG"])
        #expect(record.doi == nil)
        #expect(record.pmcid == nil)
        #expect(record.language == "eng")
        #expect(record.publicationTypes == ["Review"])
        #expect(record.keywords.count == 9)
        #expect(
            abstractSections(record) == ["CLINICAL CHARACTERISTICS", "DIAGNOSIS/TESTING", "MANAGEMENT", "GENETIC COUNSELING"])
        #expect(record.references.count == 31)
        #expect(record.references.allSatisfy { !$0.contains("29097296") })
    }

    @Test("PubmedBookArticleSet: the first book is read, the second has no title and is skipped with its line")
    func bookArticleSet() throws {
        let parsed = try parse("MedlineImporterTestBookArticleSet.xml")
        #expect(parsed.records.count == 1)
        let record = try #require(parsed.records.first)
        #expect(record.pmid == "21413195")
        #expect(record.title == "Title for some article")
        #expect(record.journal == "Rheumatoid Arthritis: National Clinical Guideline for Management and Treatment in Adults")
        #expect(record.authors == [.group("National Collaborating Centre for Chronic Conditions (UK)")])
        #expect(record.doi == "10.3275/8949")
        #expect(record.year == 2009)
        #expect(record.publicationTypes == ["Review", "Practice Guideline"])
        #expect(record.blocks == [TextBlock(kind: .title, text: "Title for some article")])
        #expect(
            parsed.skipped == [
                RecordProblem(line: 67, reason: "PubMed record 21413195 has no title (ArticleTitle, BookTitle or VernacularTitle)")
            ])
    }

    @Test("a bare PubmedArticle root with a title padded by newlines and tabs")
    func barePubmedArticle() throws {
        let parsed = try parse("18788097.xml")
        let record = try #require(parsed.records.first)
        #expect(parsed.events.count == 1)
        #expect(record.pmid == "18788097")
        #expect(record.title == "Case 16-2008: a woman with bone pain.")
        #expect(record.blocks == [TextBlock(kind: .title, text: "Case 16-2008: a woman with bone pain.")])
        #expect(record.authors == [Author(family: "Ish", given: "Christopher", initials: "C")])
        #expect(record.journal == "The New England journal of medicine")
        #expect(record.journalAbbreviation == "N. Engl. J. Med.")
        #expect(record.year == 2008)
        #expect(record.pages == "1184; author reply 1184")
        #expect(record.publicationTypes == ["Comment", "Letter"])
        #expect(record.doi == nil)
    }

    @Test("a bare MedlineCitation root with MathML in the abstract")
    func bareMedlineCitationWithMath() throws {
        let parsed = try parse("doc_medline_mathml_newlines.xml")
        let record = try #require(parsed.records.first)
        #expect(parsed.events.count == 1)
        #expect(record.pmid == "30712376")
        #expect(
            record.title
                == "An investigation into the effects of marine biofilm on the roughness and drag characteristics of surfaces coated with different sized cuprous oxide (Cu2O) particles."
        )
        #expect(record.doi == "10.1080/08927014.2018.1559305")
        #expect(abstractSections(record) == [""])
        let abstract = try #require(record.blocks.last?.text)
        #expect(abstract.contains("with different sizes of cuprous oxide (Cu2O). In this study, a series"))
        #expect(abstract.contains("coated with different sizes of Cu2O. The cuprous oxide-containing"))
        #expect(abstract.hasSuffix("for panels coated with larger Cu2O, the roughness and drag measurement results were both found to have fluctuating increments."))
        #expect(!abstract.contains("\n"))
    }

    @Test("38801034.xml keeps its 27 references; their PMIDs and ids are never the record's")
    func referencesKept() throws {
        let parsed = try parse("38801034.xml")
        #expect(parsed.events.count == 1)
        let record = try #require(parsed.records.first)
        #expect(record.pmid == "38801034")
        #expect(record.pmcid == "PMC11112658")
        #expect(record.doi == "10.5811/westjem.18320")
        #expect(record.references.count == 27)
        #expect(
            record.references[1]
                == "Goldman-Mellor S, Olfson M, Lidon-Moyano C, et al. . Mortality following nonfatal opioid and sedative/hypnotic drug overdose. Am J Prev Med. 2020;59(1):59–67."
        )
        #expect(record.references[0].hasPrefix("Ahmad FB, Cisewski JA"))
        #expect(abstractSections(record) == ["INTRODUCTION", "METHODS", "RESULTS", "CONCLUSION"])
        #expect(record.authors.map(\.display) == ["Mahal JJ", "Bijur P", "Sloma A", "Starrels J", "Lu T"])
        #expect(record.journalAbbreviation == "West J Emerg Med")
        #expect(record.year == 2024)
    }

    @Test("a file that is not well-formed fails with its path and line")
    func malformedFile() throws {
        let path = Fixture.path("pubmed-xml/MedlineImporterTestMalformedEntry.xml")
        let (parsed, error) = parseExpectingError(path: path)
        #expect(parsed.events.isEmpty)
        guard case .malformed(let errorPath, let line, let reason) = error else {
            Issue.record("expected a malformed error, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(line == 4)
        #expect(reason.contains("PubmedArticle"))
    }

    @Test("records inside any wrapper element are found")
    func wrapperRoot() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = try String(contentsOfFile: Fixture.path("pubmed-xml/18788097.xml"), encoding: .utf8)
        let url = directory.appendingPathComponent("wrapped.xml")
        try "<eSearchResult><Batch>\n\(record)\(record)</Batch></eSearchResult>\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let parsed = try parse(path: url.path)
        #expect(parsed.records.map(\.pmid) == ["18788097", "18788097"])
    }

    @Test("a record without a PMID is skipped and reported with the line where it starts")
    func recordWithoutPMID() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("nopmid.xml")
        try """
            <PubmedArticleSet>
            <PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>One.</ArticleTitle></Article></MedlineCitation></PubmedArticle>
            <PubmedArticle>
              <MedlineCitation><Article><ArticleTitle>Two.</ArticleTitle></Article></MedlineCitation>
            </PubmedArticle>
            </PubmedArticleSet>
            """.write(to: url, atomically: true, encoding: .utf8)
        let parsed = try parse(path: url.path)
        #expect(parsed.records.map(\.title) == ["One."])
        #expect(parsed.skipped == [RecordProblem(line: 3, reason: "the PubMed record starting on this line has no PMID")])
    }

    @Test("the year of a MedlineDate is its first four-digit number")
    func medlineDateYear() {
        #expect(PubMedRecordFields.firstYear(in: "1998 Dec-1999 Jan") == 1998)
        #expect(PubMedRecordFields.firstYear(in: "1947-1948") == 1947)
        #expect(PubMedRecordFields.firstYear(in: "Summer 2001") == 2001)
        #expect(PubMedRecordFields.firstYear(in: "2008") == 2008)
        #expect(PubMedRecordFields.firstYear(in: "12345 Spring") == nil)
        #expect(PubMedRecordFields.firstYear(in: "Spring") == nil)
    }
}

@Suite("Fast text paths of the XML reader")
struct XMLReaderFastPathTests {
    private func read(_ xml: String, _ body: (XMLStreamReader) throws -> String) throws -> String {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("t.xml")
        try "<r>\(xml)<next/></r>".write(to: url, atomically: true, encoding: .utf8)
        let reader = try XMLStreamReader(path: url.path)
        _ = try reader.read()
        _ = try reader.read()
        let text = try body(reader)
        #expect(reader.isElementEnd || reader.isEmptyElement)
        _ = try reader.read()
        #expect(reader.localName == "next")
        return text
    }

    @Test("readProse gives exactly what readFlattenedText gives", arguments: [
        "<t>plain text</t>",
        "<t>\n\t\tpadded   with\n  newlines\t</t>",
        "<t>p&#x2009;=&#x2009;0.01 and 7&#xa0;years</t>",
        "<t>&#xa0; leading and trailing &#x3000;</t>",
        "<t>café – “quoted” ± 2 °C</t>",
        "<t>the<i>TERT</i>gene</t>",
        "<t/>",
        "<t></t>",
    ])
    func proseMatchesFlattening(xml: String) throws {
        let fast = try read(xml) { try $0.readProse() }
        let reference = try read(xml) { try $0.readFlattenedText() }
        #expect(fast == reference)
    }

    @Test("leaf text collapses whitespace and ends on the end tag")
    func leafText() throws {
        #expect(try read("<t>\n  1184; author\treply 1184\n</t>") { try $0.readLeafText() } == "1184; author reply 1184")
        #expect(try read("<t>27797938</t>") { try $0.readLeafText() } == "27797938")
        #expect(try read("<t/>") { try $0.readLeafText() } == "")
    }

    @Test("element names are found by their bytes, unknown names are not")
    func nameTable() {
        let table = ElementNameTable(["PMID", "Year", "ArticleTitle"])
        func index(_ name: String) -> Int? {
            name.withCString { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) { table.index(of: $0) }
            }
        }
        #expect(index("PMID") == 0)
        #expect(index("Year") == 1)
        #expect(index("ArticleTitle") == 2)
        #expect(index("ArticleTitl") == nil)
        #expect(index("PMIDs") == nil)
        #expect(index("") == nil)
    }
}
