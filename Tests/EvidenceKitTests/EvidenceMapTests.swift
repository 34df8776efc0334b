import Foundation
import Testing

@testable import EvidenceKit

/// Expected numbers were computed independently with Python over the gold files
/// (`dev.jsonl`, `dev-sources.jsonl`), not with this code.
@Suite("Evidence map over the gold corpus")
struct EvidenceMapTests {
    static func map(by dimension: MapDimension = .actor) throws -> EvidenceMap {
        let corpus = try GoldCorpus.load()
        return try EvidenceMap(sources: corpus.sources, items: corpus.items, framework: .alignmentModel, by: dimension)
    }

    static func row(_ map: EvidenceMap, _ factor: String) throws -> EvidenceMap.Row {
        try #require(map.rows.first { $0.factor.id == factor })
    }

    static func cell(_ map: EvidenceMap, _ factor: String, _ column: String) throws -> EvidenceMap.Cell {
        let index = try #require(map.columns.firstIndex { $0.id == column })
        return try row(map, factor).cells[index]
    }

    @Test("references: 36 cited sources numbered by first factor, 8 off-topic sources left out")
    func referenceNumbering() throws {
        let map = try Self.map()
        #expect(map.references.entries.count == 36)
        #expect(map.references.entries.prefix(6).map(\.source.id) == [1, 2, 3, 4, 8, 9])
        #expect(map.references.number(of: 22) == 10)
        for uncited: Int64 in [19, 29, 30, 31, 38, 39, 41, 43] {
            #expect(map.references.number(of: uncited) == nil)
        }
        #expect(map.passageCount == 231)
    }

    @Test("by actor: ten factor rows, four staff groups and a column for no stated group")
    func actorCells() throws {
        let map = try Self.map()
        #expect(map.rows.map(\.factor.id) == Framework.alignmentModel.factors.map(\.id))
        #expect(map.columns.map(\.id) == ["clinical-staff", "middle-managers", "senior-managers", "managers", "none"])
        let clinical = try Self.cell(map, "clinical-engagement", "clinical-staff")
        #expect(clinical.sourceCount == 15)
        #expect(clinical.passageCount == 58)
        #expect(clinical.citations == Array(1...15))
        let senior = try Self.cell(map, "managerial-engagement", "senior-managers")
        #expect((senior.sourceCount, senior.passageCount) == (10, 36))
        #expect(senior.citations == [7, 8, 13, 16, 17, 18, 19, 21, 22, 23])
        let unstated = try Self.cell(map, "measurement-evidence", "none")
        #expect((unstated.sourceCount, unstated.passageCount) == (11, 44))
        let total = try Self.row(map, "measurement-evidence").total
        #expect((total.sourceCount, total.passageCount) == (19, 65))
    }

    @Test("empty cells are gaps: eight of them in the gold map by actor")
    func gaps() throws {
        let map = try Self.map()
        #expect(try Self.cell(map, "middle-manager-role", "managers").isGap)
        #expect(try Self.cell(map, "intervention-fit", "senior-managers").isGap)
        #expect(try Self.cell(map, "resources-capacity", "middle-managers").citations.isEmpty)
        #expect(map.rows.flatMap(\.cells).filter(\.isGap).count == 8)
    }

    @Test("by direction: a passage with no direction goes to Neither")
    func directionCells() throws {
        let map = try Self.map(by: .direction)
        #expect(map.columns.map(\.label) == ["Barrier", "Facilitator", "Neither (descriptive)"])
        let barrier = try Self.cell(map, "clinical-engagement", "barrier")
        let facilitator = try Self.cell(map, "clinical-engagement", "facilitator")
        let neither = try Self.cell(map, "clinical-engagement", "none")
        #expect((barrier.sourceCount, barrier.passageCount) == (7, 15))
        #expect((facilitator.sourceCount, facilitator.passageCount) == (11, 33))
        #expect((neither.sourceCount, neither.passageCount) == (8, 15))
    }

    @Test("by year, source and section: columns come from the cited sources")
    func otherDimensions() throws {
        let years = try Self.map(by: .year)
        #expect(years.columns.count == 20)
        #expect(years.columns.first?.label == "1997")
        #expect(years.columns.last?.label == "n.d.")
        let sources = try Self.map(by: .source)
        #expect(sources.columns.count == 36)
        #expect(sources.columns.first?.label == "[1] Perreira et al. 2019")
        let perreira = try Self.cell(sources, "clinical-engagement", "1")
        #expect(perreira.citations == [1])
        let sections = try Self.map(by: .section)
        #expect(sections.columns.map(\.label) == ["Abstract"])
        #expect(try Self.cell(sections, "clinical-engagement", "abstract").passageCount == 61)
    }

    @Test("Markdown: one table row per factor with counts, citations and GAP marks, then references")
    func markdown() throws {
        let text = try Self.map().render(.markdown)
        #expect(text.hasPrefix("# Evidence map: factors by staff group\n"))
        #expect(text.contains(
            "| Middle-manager role | **4** / 7 [3, 5, 24, 26] | **8** / 39 [3, 5, 7, 17, 19, 24–26] | **4** / 10 [7, 17, 19, 24] | **GAP** | **GAP** | **8** / 39 [3, 5, 7, 17, 19, 24–26] |\n"))
        #expect(text.contains("## References\n\n1. Perreira TA, Perrier L, Prokopy M, Neves-Mera L, Persaud DD. Physician engagement: a concept analysis. Journal of Healthcare Leadership. 2019. doi:10.2147/JHL.S214765\n"))
    }

    @Test("CSV: byte order mark, a matrix with GAP cells, then the references")
    func csv() throws {
        let text = try Self.map().render(.csv)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = text.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[0] == "Factor,Clinical staff,Middle managers,Senior managers,Managers (level not stated),No staff group stated,All")
        #expect(lines[3] == "Middle-manager role,\"4 sources, 7 passages [3, 5, 24, 26]\",\"8 sources, 39 passages [3, 5, 7, 17, 19, 24–26]\",\"4 sources, 10 passages [7, 17, 19, 24]\",GAP,GAP,\"8 sources, 39 passages [3, 5, 7, 17, 19, 24–26]\"")
        #expect(lines.contains("Reference,Citation,Source id"))
    }

    @Test("JSON: cells with counts, citations, gap flags and quote positions")
    func json() throws {
        let map = try Self.map()
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(map.render(.json).utf8)) as? [String: Any])
        #expect(object["by"] as? String == "actor")
        let rows = try #require(object["rows"] as? [[String: Any]])
        let cells = try #require(rows[2]["cells"] as? [[String: Any]])
        #expect(cells[3]["gap"] as? Bool == true)
        #expect(cells[1]["sources"] as? Int == 8)
        #expect(cells[1]["passages"] as? Int == 39)
        #expect((cells[1]["quotes"] as? [Int])?.count == 39)
        #expect((object["quotes"] as? [Any])?.count == 231)
        #expect((object["references"] as? [Any])?.count == 36)
    }

    @Test("HTML: one offline file with shaded clickable cells, GAP cells and the reference list")
    func html() throws {
        let html = try Self.map().render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<td class=\"gap\"").count - 1 == 8)
        #expect(html.components(separatedBy: "data-cell=\"").count - 1 == 10 * 5 - 8 + 10)
        #expect(html.contains("<li id=\"ref-36\" value=\"36\">"))
        #expect(html.contains("default-src 'none'"))
        for external in ["<link", " src=", "@import", "url(", "http://", "https://"] {
            #expect(!html.contains(external), "loads \(external)")
        }
    }

    @Test("heat-map shading: five steps relative to the fullest cell")
    func shading() {
        #expect(EvidenceMap.shade(sources: 0, maximum: 15) == 0)
        #expect(EvidenceMap.shade(sources: 1, maximum: 15) == 1)
        #expect(EvidenceMap.shade(sources: 4, maximum: 15) == 2)
        #expect(EvidenceMap.shade(sources: 15, maximum: 15) == 5)
    }

    @Test("a passage of a source that is not in the corpus is refused with its ids")
    func unknownSource() throws {
        let corpus = try GoldCorpus.load()
        #expect(throws: ReportError.unknownSource(sourceID: 1, passageIndex: 0)) {
            try EvidenceMap(sources: Array(corpus.sources.dropFirst()), items: corpus.items, framework: .alignmentModel)
        }
    }
}
