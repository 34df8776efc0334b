import Foundation
import Testing

@testable import EvidenceKit

/// Expected numbers and quotes were computed independently with Python over the gold files.
@Suite("Evidence summary table over the gold corpus")
struct SummaryTableTests {
    static func table(factors: [String]? = nil) throws -> SummaryTable {
        let corpus = try GoldCorpus.load()
        return try SummaryTable(sources: corpus.sources, items: corpus.items, framework: .alignmentModel, factors: factors)
    }

    @Test("clinical engagement: sources, passages and barriers / facilitators per staff group")
    func clinicalEngagementRow() throws {
        let row = try #require(try Self.table().rows.first)
        #expect(row.factor.id == "clinical-engagement")
        #expect((row.sourceCount, row.passageCount) == (15, 61))
        #expect(row.staff.map(\.group.id) == ["clinical-staff", "middle-managers", "senior-managers", "managers", "none"])
        #expect(row.staff.map(\.barriers) == [14, 0, 0, 1, 1])
        #expect(row.staff.map(\.facilitators) == [32, 4, 4, 5, 0])
        #expect(row.citations == Array(1...15))
    }

    @Test("middle-manager role and intervention fit rows")
    func otherRows() throws {
        let table = try Self.table()
        let middle = table.rows[2]
        #expect((middle.sourceCount, middle.passageCount) == (8, 39))
        #expect(middle.staff.map(\.barriers) == [0, 2, 0, 0, 0])
        #expect(middle.staff.map(\.facilitators) == [5, 19, 6, 0, 0])
        let fit = table.rows[9]
        #expect((fit.sourceCount, fit.passageCount) == (7, 19))
        #expect(fit.citations == [3, 6, 10, 26, 27, 30, 32])
    }

    @Test("quotes follow the documented rule: different sources, both directions, readable length")
    func quotes() throws {
        let table = try Self.table()
        func ids(_ row: SummaryTable.Row) -> [String] {
            row.quotes.map { "d\($0.item.sourceID)-s\($0.item.passage.index + 1)" }
        }
        #expect(ids(table.rows[0]) == ["d4-s10", "d8-s8", "d2-s3"])
        #expect(ids(table.rows[3]) == ["d9-s3", "d3-s13", "d11-s3"])
        #expect(ids(table.rows[8]) == ["d22-s8", "d23-s3", "d10-s7"])
        #expect(ids(table.rows[9]) == ["d33-s7", "d14-s8", "d5-s1"])
        let first = try #require(table.rows[0].quotes.first)
        #expect(first.citationLabel == "Deilkås et al. 2022")
        #expect(first.citationNumber == 4)
    }

    @Test("a subset of factors gets its own numbering; an unknown factor is refused")
    func subset() throws {
        let table = try Self.table(factors: ["measurement-evidence"])
        #expect(table.rows.map(\.factor.id) == ["measurement-evidence"])
        #expect(table.references.entries.count == 19)
        #expect(table.rows[0].citations == Array(1...19))
        #expect(throws: ReportError.self) { try Self.table(factors: ["leadership"]) }
        #expect(ReportError.unknownFactor(id: "leadership", known: ["a", "b"]).description
            == "unknown factor 'leadership'; the codebook defines: a, b")
    }

    @Test("a factor without evidence is a GAP row in every format")
    func gapRow() throws {
        let corpus = try GoldCorpus.load()
        var framework = Framework.alignmentModel
        framework.factors.append(FrameworkLabel(id: "patient-voice", name: "Patient voice", description: "Patients as partners"))
        let table = try SummaryTable(sources: corpus.sources, items: corpus.items, framework: framework)
        let row = try #require(table.rows.last)
        #expect((row.sourceCount, row.passageCount, row.quotes.count) == (0, 0, 0))
        #expect(table.render(.markdown).contains(
            "| **Patient voice**<br>Patients as partners | 0 | 0 | 0 / 0 | 0 / 0 | 0 / 0 | 0 / 0 | 0 / 0 | **GAP**: No evidence in the corpus (gap) |  |\n"))
        #expect(table.render(.csv).contains("\r\nPatient voice,Patients as partners,0,0,0,0,0,0,0,0,0,0,0,0,No evidence in the corpus (gap),,,\r\n"))
        #expect(table.render(.html).contains("<tr class=\"gaprow\">"))
        #expect(table.render(.json).contains("\"gap\": true"))
    }

    @Test("Markdown: quotes with their citations, supporting sources, the rule in the notes")
    func markdown() throws {
        let text = try Self.table().render(.markdown, style: .apa)
        #expect(text.contains("| Factor | Sources | Passages | Clinical staff: barriers / facilitators |"))
        #expect(text.contains("| 15 | 61 | 14 / 32 | 0 / 4 | 0 / 4 | 1 / 5 | 1 / 0 | “"))
        #expect(text.contains(" (Deilkås et al. 2022 [4])<br><br>"))
        #expect(text.contains("| [1–15] |\n"))
        #expect(text.contains("Representative quotes (up to three per factor) are chosen one at a time"))
        #expect(text.contains("\n4. Deilkås, E. T., Rosta, J., Baathe, F., Søfteland, E., Lexberg, Å. S., Røise, O., & Rø, K. I. (2022)."))
    }

    @Test("CSV: byte order mark, accents intact, one column per staff group and direction")
    func csv() throws {
        let text = try Self.table().render(.csv)
        #expect(text.hasPrefix("\u{FEFF}Factor,Description,Sources,Passages,Clinical staff: barriers,Clinical staff: facilitators,"))
        let record = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix("Clinical engagement,") })
        #expect(record.contains(",15,61,14,32,0,4,0,4,1,5,1,0,"))
        #expect(record.contains("(Deilkås et al. 2022 [4])"))
        #expect(record.hasSuffix(",[1–15]"))
    }

    @Test("JSON: rows with staff counts and cited quotes, the rule and the references")
    func json() throws {
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(try Self.table().render(.json).utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 10)
        let staff = try #require(rows[0]["staff"] as? [[String: Any]])
        #expect(staff[0]["barriers"] as? Int == 14)
        let quotes = try #require(rows[0]["quotes"] as? [[String: Any]])
        #expect(quotes.first?["citation"] as? Int == 4)
        #expect(quotes.first?["source"] as? Int == 4)
        #expect((object["quoteRule"] as? String)?.hasPrefix("Representative quotes") == true)
    }

    @Test("HTML: escaped quotes linked to the numbered references")
    func html() throws {
        let html = try Self.table().render(.html)
        #expect(html.contains("(Deilkås et al. 2022 <a href=\"#ref-4\">[4]</a>)"))
        #expect(html.contains("<li id=\"ref-4\" value=\"4\">Deilkås ET, Rosta J, Baathe F, Søfteland E, Lexberg ÅS, Røise O, et al."))
        #expect(!html.contains("<script"))
    }
}
