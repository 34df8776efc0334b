import Foundation
import Testing

@testable import EvidenceKit

@Suite("Search hits in JSONL, CSV and on the terminal")
struct RenderSearchHitTests {
    static func hit() throws -> SearchHit {
        let corpus = try GoldCorpus.load()
        let item = try #require(corpus.items.first { $0.sourceID == 2 && $0.passage.index == 0 })
        return SearchHit(item: item, source: try corpus.source("d2"), score: 7.25, matches: [0..<8, 73..<79])
    }

    @Test("JSONL: exactly the eight fields, in order")
    func jsonLine() throws {
        #expect(try Self.hit().jsonLine
            == #"{"source":2,"citation":"Jeffs et al. 2016","section":"Abstract","text":"Managers are uniquely placed to facilitate quality improvement (QI), yet little empirical evidence exists about their influence in engaging clinicians in QI.","factors":["managerial-engagement","clinical-engagement"],"actors":["managers","clinical-staff"],"direction":["facilitator"],"score":7.25}"#)
        var unranked = try Self.hit()
        unranked.score = nil
        #expect(unranked.jsonLine.hasSuffix(#""score":null}"#))
    }

    @Test("CSV: a header with the byte order mark, then one record per hit")
    func csv() throws {
        #expect(SearchHit.csvHeader == "\u{FEFF}source,citation,section,text,factors,actors,direction,score\r\n")
        #expect(try Self.hit().csvRecord
            == "2,Jeffs et al. 2016,Abstract,\"Managers are uniquely placed to facilitate quality improvement (QI), yet little empirical evidence exists about their influence in engaging clinicians in QI.\",managerial-engagement; clinical-engagement,managers; clinical-staff,facilitator,7.25\r\n")
    }

    @Test("terminal: matched words in bold; plain without highlighting")
    func tableLine() throws {
        let hit = try Self.hit()
        let line = hit.tableLine(highlight: true)
        #expect(line.hasPrefix("Jeffs et al. 2016 · Abstract · \u{1B}[1mManagers\u{1B}[22m are uniquely placed to facilitate quality improvement (QI), yet \u{1B}[1mlittle\u{1B}[22m empirical"))
        #expect(line.hasSuffix(" [managerial-engagement, clinical-engagement | managers, clinical-staff | facilitator] (score 7.25)"))
        #expect(!hit.tableLine(highlight: false).contains("\u{1B}"))
    }

    @Test("terminal: escape sequences in paper text are neutralised, offsets kept")
    func sanitising() {
        #expect(TerminalText.sanitized("a\u{1B}[2Jb\u{7}c") == "a [2Jb c")
        #expect(TerminalText.bold("abcdef", ranges: [3..<5, 0..<2, 1..<3, 5..<99]) == "\u{1B}[1mabcdef\u{1B}[22m")
        #expect(TerminalText.bold("abcdef", ranges: [4..<5, 0..<1]) == "\u{1B}[1ma\u{1B}[22mbcd\u{1B}[1me\u{1B}[22mf")
    }

    @Test("FTS5 highlight markers become match ranges in Unicode scalars")
    func unmark() {
        let (text, matches) = TerminalText.unmark("Les \u{E000}managers\u{E001} réunis: \u{E000}clinicians\u{E001}", open: "\u{E000}", close: "\u{E001}")
        #expect(text == "Les managers réunis: clinicians")
        #expect(matches == [4..<12, 21..<31])
    }
}
