import Testing

@testable import EvidenceKit

@Suite("RIS export of the reference list")
struct RISExportTests {
    @Test("the Pannick record has every tag Zotero reads, CRLF line ends and ER closing it")
    func pannickRecord() {
        let ris = ReferenceList(ordered: [CitationTests.pannick]).ris()
        #expect(ris == [
            "TY  - JOUR",
            "AU  - Pannick, Samuel",
            "AU  - Sevdalis, Nick",
            "AU  - Athanasiou, Thanos",
            "TI  - Beyond clinical engagement: a pragmatic model for quality improvement interventions, aligning clinical and managerial priorities",
            "T2  - BMJ Quality & Safety",
            "JO  - BMJ Qual Saf",
            "PY  - 2016",
            "VL  - 25",
            "IS  - 9",
            "SP  - 716",
            "EP  - 725",
            "DO  - 10.1136/bmjqs-2015-004453",
            "ER  - ",
            "",
        ].joined(separator: "\r\n") + "\r\n")
    }

    @Test("initials-only people, a group author and the PMID as accession number and note")
    func pubmedRecord() {
        let ris = ReferenceList(ordered: [CitationTests.guo]).ris()
        let lines = ris.components(separatedBy: "\r\n")
        #expect(lines.filter { $0.hasPrefix("AU  - ") }.count == 9)
        #expect(lines.contains("AU  - McCormack, D. G."))
        #expect(lines.contains("AU  - Canadian Respiratory Research Network"))
        #expect(lines.contains("SP  - 026002"))
        #expect(!lines.contains { $0.hasPrefix("EP  - ") })
        #expect(lines.contains("AN  - 29963580"))
        #expect(lines.contains("N1  - PMID: 29963580"))
    }

    @Test("records follow the reference numbering and line breaks inside values are flattened")
    func orderAndFlattening() throws {
        var odd = CitationTests.pannick
        odd.id = 9
        odd.title = "Line one\nline two"
        let ris = ReferenceList(ordered: [CitationTests.guo, odd]).ris()
        let records = ris.components(separatedBy: "ER  - \r\n").filter { !$0.trimmingPrefix("\r\n").isEmpty }
        #expect(records.count == 2)
        #expect(records[0].contains("TI  - Development of a pulmonary"))
        #expect(records[1].contains("TI  - Line one line two\r\n"))
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        var text = self
        while text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return text
    }
}
