import Foundation
import Testing

@testable import EvidenceKit

@Suite("Plain-text parser")
struct PlainTextParserTests {
    static let title =
        "Beyond clinical engagement: a pragmatic model for quality improvement interventions, aligning clinical and managerial priorities"
    static let keywords = ["Healthcare quality improvement", "Implementation science", "Management", "Quality improvement methodologies"]

    func records(_ fixture: String) throws -> [SourceRecord] {
        try PlainTextParser().records(path: Fixture.path("plain-text/\(fixture)"))
    }

    /// Writes `text` to a temporary file and parses it.
    func parse(_ text: String, name: String = "record.txt") throws -> [SourceRecord] {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return try PlainTextParser().records(path: url.path)
    }

    func malformed(_ text: String) -> IngestError? {
        do {
            _ = try parse(text, name: "bad.txt")
            return nil
        } catch let error as IngestError {
            if case .malformed(let path, let line, let reason) = error {
                return .malformed(path: URL(fileURLWithPath: path).lastPathComponent, line: line, reason: reason)
            }
            return error
        } catch {
            return nil
        }
    }

    @Test("the BMJ abstract page: title, authors without affiliation marks, keywords, licence, one abstract paragraph")
    func bmjPage() throws {
        let records = try records("pannick-2016-abstract-page-bmj.txt")
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.format == .plainText)
        #expect(record.title == Self.title)
        #expect(record.authors.map(\.display) == ["Pannick S", "Sevdalis N", "Athanasiou T"])
        #expect(record.authors.first == Author(family: "Pannick", given: "Samuel"))
        #expect(record.keywords == Self.keywords)
        #expect(record.licence == "CC BY 4.0")
        #expect(record.doi == nil && record.journal == nil && record.year == nil && record.volume == nil)
        #expect(record.blocks.map(\.kind) == [.title, .abstract])
        let abstract = record.blocks[1].text
        #expect(abstract.hasPrefix("Despite taking advantage of established learning from other industries,"))
        #expect(abstract.contains("managers—particularly middle managers—also have a role"))
        #expect(abstract.hasSuffix("may be an important determinant of the ultimate success of quality improvement interventions."))
        #expect(abstract.unicodeScalars.count == 1277)
        for furniture in ["Download PDF", "Request Permissions", "Correspondence", "NIHR", "RightsLink", "Statistics"] {
            #expect(!record.blocks.contains { $0.text.contains(furniture) })
        }
        #expect(PassageBuilder.passages(for: record).count == 9)
    }

    @Test("the Chinese site's page: journal as written, volume/issue/pages, DOI, keywords; no funders, no site text")
    func chinesePage() throws {
        let records = try records("pannick-2016-abstract-page-zh.txt")
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.title == Self.title)
        #expect(record.doi == "10.1136/bmjqs-2015-004453")
        #expect(record.journal == "BMJ QUALITY & SAFETY")
        #expect(record.volume == "25")
        #expect(record.issue == "9")
        #expect(record.pages == "716-725")
        #expect(record.keywords == Self.keywords)
        #expect(record.authors == [])
        #expect(record.licence == nil)
        #expect(record.blocks.map(\.kind) == [.title, .abstract])
        #expect(record.blocks[1].text.contains("there is evidence that managersparticularly middle managersalso have"))
        #expect(record.blocks[1].text.unicodeScalars.count == 1275)  // the two em dashes are lost there
        for furniture in ["Health Foundation", "PUBLISHING", "作者", "评分", "4.5"] {
            #expect(!record.blocks.contains { $0.text.contains(furniture) })
        }
    }

    @Test("both saved pages of the Pannick paper give the same title key, so the corpus merges them")
    func samePaper() throws {
        let bmj = try #require(try records("pannick-2016-abstract-page-bmj.txt").first)
        let zh = try #require(try records("pannick-2016-abstract-page-zh.txt").first)
        #expect(TitleKey.make(bmj.title) == TitleKey.make(zh.title))
        #expect(TitleKey.make(bmj.title).hasPrefix("beyondclinicalengagementapragmaticmodel"))
    }

    @Test("layouts are told apart by content")
    func layouts() throws {
        func layout(_ fixture: String) throws -> PlainTextParser.Layout? {
            PlainTextParser.layout(of: try TextFile.lines(path: Fixture.path("plain-text/\(fixture)")))
        }
        #expect(try layout("pannick-2016-abstract-page-bmj.txt") == .webPage)
        #expect(try layout("pannick-2016-abstract-page-zh.txt") == .webPage)
        #expect(try layout("dev-three-records.txt") == .header)
        #expect(try layout("d4-unstructured.txt") == .unstructured)
        #expect(PlainTextParser.layout(of: [TextLine(number: 1, text: "  "), TextLine(number: 2, text: "")]) == nil)
    }

    @Test("header layout: three records separated by ---, with their metadata and labelled paragraphs")
    func headerLayout() throws {
        let records = try records("dev-three-records.txt")
        #expect(records.count == 3)
        let nurses = records[0]
        #expect(nurses.title == "A qualitative study on barriers and facilitators of quality improvement engagement by frontline nurses and leaders")
        #expect(nurses.authors.map(\.display) == ["Alexander C", "Tschannen D", "Argetsinger D", "Hakim H", "Milner KA"])
        #expect(nurses.journal == "Journal of Nursing Management")
        #expect(nurses.year == 2022)
        #expect(nurses.doi == "10.1111/jonm.13537")
        #expect(nurses.pmid == "34969172")
        #expect(nurses.blocks.map(\.section) == ["", "Aim", "Background", "Methods", "Results", "Conclusion", "Implications for nursing management"])
        #expect(nurses.blocks[1].text == "This study aimed to understand the facilitators and barriers of quality improvement (QI) from the perspective of nurses and leaders at the frontline.")
        #expect(PassageBuilder.passages(for: nurses).count == 13)

        let collaboratives = records[1]
        #expect(collaboratives.doi == "10.1136/bmj.39570.749884.BE")
        #expect(collaboratives.year == 2008)
        #expect(collaboratives.journal == "BMJ")
        #expect(collaboratives.authors.map(\.display) == ["Schouten LMT", "Hulscher MEJL", "van Everdingen JJE", "Huijsman R", "Grol RPTM"])
        #expect(collaboratives.blocks.count == 6)
        #expect(collaboratives.blocks[1].section == "")

        let metformin = records[2]
        #expect(metformin.title == "Long-term effect of metformin on blood glucose control in non-obese patients with type 2 diabetes mellitus")
        #expect(metformin.authors == [])
        #expect(metformin.journal == "Nutrition & Metabolism")
        #expect(metformin.doi == "10.1186/1743-7075-7-83")
        #expect(metformin.blocks.map(\.section) == ["", "Background", "Methods", "Results", "Conclusions"])
        #expect(metformin.blocks[1].text == "We aimed to investigate the long-term effect of metformin on the blood glucose control in non-obese patients with type 2 diabetes mellitus.")
    }

    @Test("gzip input, a byte-order mark and CRLF line ends read the same as plain text")
    func gzipBOMAndCRLF() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("three.txt")
        try FileManager.default.copyItem(atPath: Fixture.path("plain-text/dev-three-records.txt"), toPath: copy.path)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", copy.path]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        let compressed = try PlainTextParser().records(path: copy.path + ".gz")
        #expect(compressed == (try records("dev-three-records.txt")))

        let crlf = "\u{FEFF}Title: Physician engagement: a concept analysis\r\nYear: 2019\r\nPMCID: 6666374\r\n\r\nThe term is used quite frequently.\r\n"
        let record = try #require(try parse(crlf).first)
        #expect(record.title == "Physician engagement: a concept analysis")
        #expect(record.pmcid == "PMC6666374")
        #expect(record.blocks.map(\.text) == ["Physician engagement: a concept analysis", "The term is used quite frequently."])
    }

    @Test("an unstructured abstract: first line is the title, label lines become sections")
    func unstructured() throws {
        let records = try records("d4-unstructured.txt")
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.title == "Physician participation in quality improvement work- interest and opportunity: a cross-sectional survey")
        #expect(record.authors == [] && record.doi == nil && record.year == nil)
        #expect(record.blocks.map(\.section) == ["", "Background", "Methods", "Results", "Conclusions"])
        #expect(record.blocks[3].text.hasPrefix("The response rate was 72.6% (1513 of 2085). A large proportion"))
        let passages = PassageBuilder.passages(for: record)
        #expect(passages.count == 13)
        #expect(passages[4].text == "The response rate was 72.6% (1513 of 2085).")
        #expect(passages[4].section == "Results")
    }

    @Test("header fields: DOI with resolver, ;-separated authors and keywords, continuation lines, URL and Language")
    func headerFields() throws {
        let text = """
            Title: Hospital boards and quality
              of care
            Authors: Werner, Rachel M.; Kolstad, Jonathan T.; Canadian Respiratory Research Network
            DOI: https://doi.org/10.1377/HLTHAFF.2010.0123
            Keywords: governance; quality of care
            Licence: CC BY 4.0
            URL: https://example.org/paper
            Language: eng

            METHODS: We surveyed board chairs.
            ---

            """
        let record = try #require(try parse(text).first)
        #expect(record.title == "Hospital boards and quality of care")
        #expect(record.authors.map(\.display) == ["Werner RM", "Kolstad JT", "Canadian Respiratory Research Network"])
        #expect(record.authors[2].isGroup)
        #expect(record.doi == "10.1377/HLTHAFF.2010.0123")
        #expect(record.keywords == ["governance", "quality of care"])
        #expect(record.licence == "CC BY 4.0")
        #expect(record.language == "eng")
        #expect(record.blocks.last == TextBlock(kind: .abstract, section: "METHODS", text: "We surveyed board chairs."))
        #expect(try parse(text).count == 1)
    }

    @Test("full names and Vancouver names give family names and initials")
    func authorNames() {
        #expect(AuthorNames.parseList("Lianne Jeffs, Alyssa Indar").authors.map(\.display) == ["Jeffs L", "Indar A"])
        #expect(AuthorNames.parseList("Pannick S, Sevdalis N").authors.map(\.display) == ["Pannick S", "Sevdalis N"])
        #expect(AuthorNames.parseList("Thomas C. Tsai; Ashish K. Jha").authors.map(\.display) == ["Tsai TC", "Jha AK"])
        #expect(AuthorNames.parseList("Pannick S; Sevdalis N").authors.map(\.display) == ["Pannick S", "Sevdalis N"])
    }

    @Test("a list ending in et al. is read as incomplete, not as an author called et al.")
    func etAl() {
        let (authors, incomplete) = AuthorNames.parseList("Pauline Pariser, et al.")
        #expect(authors.map(\.display) == ["Pariser P"])
        #expect(incomplete)
        #expect(AuthorNames.parseList("Pannick S, Sevdalis N").incomplete == false)
    }

    @Test("errors name the file, the line and the reason")
    func errors() {
        #expect(
            malformed("Authors: Pannick S\nYear: 2016\n\nAbstract text.\n")
                == .malformed(path: "bad.txt", line: 1, reason: "the record has no Title: line"))
        #expect(
            malformed("Title: A paper\n\nText.\n---\nTitle: Another\nYear: 16\n\nText.\n")
                == .malformed(path: "bad.txt", line: 6, reason: "Year must be a four-digit year: '16'"))
        #expect(
            malformed("Title: A paper\nPublisher: BMJ\n\nText.\n")
                == .malformed(
                    path: "bad.txt", line: 2,
                    reason: "unknown header key 'Publisher'; known keys are Title, Authors, Journal, Year, Volume, Issue, Pages, DOI, PMID, PMCID, Keywords, Licence, URL, Language"))
        #expect(
            malformed("Title: A paper\nthis is not a header\n\nText.\n")
                == .malformed(
                    path: "bad.txt", line: 2,
                    reason: "expected a header line 'Key: value' or a blank line before the abstract, found 'this is not a header'"))
        #expect(malformed("\n \n") == .malformed(path: "bad.txt", line: nil, reason: "the file holds no text"))
        #expect(throws: IngestError.unreadable(path: "/nonexistent/x.txt", reason: "the file cannot be opened")) {
            try PlainTextParser().records(path: "/nonexistent/x.txt")
        }
    }

    @Test("parse(path:handle:) hands over each record in file order")
    func events() throws {
        var titles: [String] = []
        try PlainTextParser().parse(path: Fixture.path("plain-text/dev-three-records.txt")) { event in
            if case .record(let record) = event { titles.append(record.title) }
        }
        #expect(titles.count == 3)
        #expect(titles[1] == "Evidence for the impact of quality improvement collaboratives: systematic review")
        #expect(PlainTextParser().format == .plainText)
    }
}
