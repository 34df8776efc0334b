import Foundation
import Testing

@testable import EvidenceKit

@Suite("Escaping paper text in every output format")
struct RenderEscapingTests {
    static let hostile = "Managers said <script>alert('x')</script> and <!-- hidden --> \u{2028}end & more"

    /// The gold corpus plus one hostile passage in a source with a hostile title.
    static func corpus() throws -> (sources: [EvidenceSource], items: [EvidenceItem]) {
        let gold = try GoldCorpus.load()
        let source = EvidenceSource(
            id: 99, authors: [Author(family: "O'Brien", initials: "K")], title: "<img src=x onerror=alert(1)> study",
            journal: "Journal", year: 2020)
        let item = EvidenceItem(
            sourceID: 99,
            passage: Passage(kind: .body, section: "Results", paragraph: 0, index: 0, text: hostile, start: 0, end: 10),
            tags: PassageTags(factors: ["intervention-fit"], actors: ["senior-managers"], direction: ["barrier"]))
        let formula = EvidenceItem(
            sourceID: 99,
            passage: Passage(kind: .body, section: "@SUM(A1) > Part", paragraph: 0, index: 1,
                             text: "=HYPERLINK(\"http://evil\",\"click\")", start: 0, end: 10),
            tags: PassageTags(factors: ["intervention-fit"], actors: ["senior-managers"], direction: ["facilitator"]))
        return (gold.sources + [source], gold.items + [item, formula])
    }

    @Test("HTML map: a <script> in a passage stays text in the page and in the embedded data")
    func htmlMap() throws {
        let input = try Self.corpus()
        let html = try EvidenceMap(sources: input.sources, items: input.items, framework: .alignmentModel).render(.html)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<!--"))
        #expect(!html.contains("\u{2028}"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; study."))
        #expect(html.contains("Managers said \\u003cscript\\u003ealert('x')\\u003c/script\\u003e and \\u003c!-- hidden --\\u003e \\u2028end \\u0026 more"))
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
    }

    @Test("HTML table: the hostile quote and title are escaped entities")
    func htmlTable() throws {
        let input = try Self.corpus()
        let table = try SummaryTable(
            sources: input.sources, items: input.items, framework: .alignmentModel, factors: ["intervention-fit"])
        let html = table.render(.html)
        #expect(html.contains("<q>Managers said &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; and &lt;!-- hidden --&gt;"))
        #expect(html.contains("(O&#39;Brien 2020 <a href=\"#ref-"))
        #expect(!html.contains("<script"))
    }

    @Test("CSV: a section heading that starts like a formula gets a leading quote mark")
    func csvFormula() throws {
        let input = try Self.corpus()
        let map = try EvidenceMap(sources: input.sources, items: input.items, framework: .alignmentModel, by: .section)
        let header = try #require(map.render(.csv).components(separatedBy: "\r\n").first)
        #expect(header == "\u{FEFF}Factor,Abstract,Results,'@SUM(A1),All")
        #expect(CSVText.field("=HYPERLINK(\"http://evil\",\"click\")") == "\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"")
    }

    @Test("CSV fields: formula prefixes, quoting, numbers left alone")
    func csvFields() {
        #expect(CSVText.field("=1+2") == "'=1+2")
        #expect(CSVText.field("+cmd") == "'+cmd")
        #expect(CSVText.field("-2+3") == "'-2+3")
        #expect(CSVText.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.field("\tx") == "'\tx")
        #expect(CSVText.field("\rx") == "\"'\rx\"")
        #expect(CSVText.field("-3.5") == "-3.5")
        #expect(CSVText.field("12") == "12")
        #expect(CSVText.field("a, b") == "\"a, b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.field("Søfteland") == "Søfteland")
        let document = CSVText.document([["a", "b"], ["1", "é"]])
        #expect(Array(document.utf8) == [0xEF, 0xBB, 0xBF, 0x61, 0x2C, 0x62, 0x0D, 0x0A, 0x31, 0x2C, 0xC3, 0xA9, 0x0D, 0x0A])
    }

    @Test("Markdown cells: pipes, line breaks, backslashes and tag openers escaped; p < 0.05 kept")
    func markdownCells() {
        #expect(MarkdownText.cell("a | b") == "a \\| b")
        #expect(MarkdownText.cell("one\ntwo\r\nthree") == "one<br>two<br>three")
        #expect(MarkdownText.cell("back\\slash") == "back\\\\slash")
        #expect(MarkdownText.cell("<script>x</script>") == "\\<script>x\\</script>")
        #expect(MarkdownText.cell("<!-- c -->") == "\\<!-- c -->")
        #expect(MarkdownText.cell("p < 0.05") == "p < 0.05")
    }

    @Test("Markdown map and table: a hostile passage cannot break the table")
    func markdownReports() throws {
        let input = try Self.corpus()
        let table = try SummaryTable(
            sources: input.sources, items: input.items, framework: .alignmentModel, factors: ["intervention-fit"])
        let text = table.render(.markdown)
        #expect(text.contains("“Managers said \\<script>alert('x')\\</script> and \\<!-- hidden --> <br>end & more”"))
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| **Intervention design and fit**") }
        #expect(rows.count == 1)
    }

    @Test("JSON strings: control characters escaped; script-safe mode escapes < > &")
    func jsonStrings() {
        #expect(JSONValue.string("a\"b\\c\n\u{01}").serialized() == "\"a\\\"b\\\\c\\n\\u0001\"")
        #expect(JSONValue.string("</script>").serialized() == "\"</script>\"")
        #expect(JSONValue.string("</script><!--&").serialized(scriptSafe: true) == "\"\\u003c/script\\u003e\\u003c!--\\u0026\"")
        #expect(JSONValue.object([("b", .int(1)), ("a", .null)]).serialized() == "{\"b\":1,\"a\":null}")
    }
}
