import Testing

@testable import EvidenceKit

@Suite("Passage builder")
struct PassageBuilderTests {
    @Test("title is one passage; each block is split with offsets into its own text")
    func passages() {
        let record = SourceRecord(
            format: .plainText, title: "Beyond clinical engagement: a pragmatic model?",
            blocks: [
                TextBlock(kind: .title, text: " Beyond clinical engagement: a pragmatic model? Yes. "),
                TextBlock(kind: .abstract, section: "Background", text: "Clinical engagement is not a universal challenge.  Yet managerial participation is often assumed (e.g. in trials)."),
                TextBlock(kind: .abstract, section: "", text: "   "),
                TextBlock(kind: .body, section: "Methods > Data", text: "We use this model. It helps."),
            ])
        let passages = PassageBuilder.passages(for: record)
        #expect(
            passages == [
                Passage(kind: .title, section: "", paragraph: 0, index: 0, text: "Beyond clinical engagement: a pragmatic model? Yes.", start: 1, end: 52),
                Passage(kind: .abstract, section: "Background", paragraph: 1, index: 1, text: "Clinical engagement is not a universal challenge.", start: 0, end: 49),
                Passage(kind: .abstract, section: "Background", paragraph: 1, index: 2, text: "Yet managerial participation is often assumed (e.g. in trials).", start: 51, end: 114),
                Passage(kind: .body, section: "Methods > Data", paragraph: 3, index: 3, text: "We use this model.", start: 0, end: 18),
                Passage(kind: .body, section: "Methods > Data", paragraph: 3, index: 4, text: "It helps.", start: 19, end: 28),
            ])
    }

    @Test("offsets count Unicode scalars, not UTF-16 units or characters")
    func scalarOffsets() {
        let text = "Søfteland’s 👍🏽 team met. Managers—particularly middle managers—also."
        let record = SourceRecord(format: .plainText, title: "t", blocks: [TextBlock(kind: .abstract, text: text)])
        let passages = PassageBuilder.passages(for: record)
        #expect(passages.map(\.start) == [0, 25])
        #expect(passages.map(\.end) == [24, 68])
        let scalars = Array(text.unicodeScalars)
        for passage in passages {
            #expect(String(scalars: scalars[passage.start..<passage.end]) == passage.text)
        }
    }
}
