import Testing
@testable import EvidenceKit

@Suite("tag-text input and output")
struct TaggerTagTextTests {
    let tagger: Tagger

    init() throws {
        tagger = Tagger(try Codebook.load(path: Fixture.path("codebooks/features.yml")))
    }

    @Test("a plain line gets its line number as id; a JSON line keeps its id and source")
    func parsing() throws {
        #expect(try TagText.parse(line: "Staff reported a lack of managerial support.", lineNumber: 3)
            == TagText.Input(idJSON: "3", text: "Staff reported a lack of managerial support.", source: nil))
        #expect(try TagText.parse(line: #"{"id": "d2-s1", "text": "Managers are uniquely placed.", "source": "d2"}"#, lineNumber: 1)
            == TagText.Input(idJSON: #""d2-s1""#, text: "Managers are uniquely placed.", source: "d2"))
        #expect(try TagText.parse(line: #"{"id": 42, "text": "x"}"#, lineNumber: 1)?.idJSON == "42")
        #expect(try TagText.parse(line: #"{"text": "x"}"#, lineNumber: 7)?.idJSON == "7")
        #expect(try TagText.parse(line: "   ", lineNumber: 2) == nil)
    }

    @Test("a JSON line without text is an error that names the line")
    func badJSON() {
        #expect(throws: TagText.InputError.self) { try TagText.parse(line: #"{"id": 1}"#, lineNumber: 5) }
        do {
            _ = try TagText.parse(line: #"{"id": 1"#, lineNumber: 5)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "line 5: starts with `{` but is not a JSON object")
        }
    }

    @Test("one JSON object per input, keys in the documented order, offsets in scalars")
    func outputShape() throws {
        let inputs = [
            try #require(try TagText.parse(line: "Staff reported a lack of managerial support.", lineNumber: 1)),
            try #require(try TagText.parse(line: #"{"id": "d8-s6", "text": "Barriers in organizational culture for nurses to lead QI."}"#, lineNumber: 2)),
        ]
        let lines = TagText.jsonLines(for: inputs, tagger: tagger)
        #expect(lines == [
            #"{"id":1,"factors":["managerial-engagement"],"actors":["managers"],"direction":["barrier"],"matches":["#
                + #"{"rule":"managers/terms","label":"managers","text":"managerial","start":25,"end":35},"#
                + #"{"rule":"managerial-engagement/terms","label":"barrier","text":"managerial support","start":25,"end":43},"#
                + #"{"rule":"managerial-engagement/terms","label":"managerial-engagement","text":"managerial support","start":25,"end":43},"#
                + #"{"rule":"facilitator/terms","label":"barrier","text":"support","start":36,"end":43}]}"#,
            #"{"id":"d8-s6","factors":["culture-hierarchy","qi-acronym"],"actors":["clinical-staff"],"direction":["barrier"],"matches":["#
                + #"{"rule":"barrier/terms","label":"barrier","text":"Barriers","start":0,"end":8},"#
                + #"{"rule":"culture-hierarchy/terms","label":"culture-hierarchy","text":"organizational culture","start":12,"end":34},"#
                + #"{"rule":"clinical-staff/terms","label":"clinical-staff","text":"nurses","start":39,"end":45},"#
                + #"{"rule":"qi-acronym/terms","label":"qi-acronym","text":"QI","start":54,"end":56}]}"#,
        ])
    }

    @Test("consecutive JSON lines of one source are tagged together")
    func sourceGrouping() {
        let inputs = [
            TagText.Input(idJSON: "1", text: "Medical engagement as a concept is discussed, as well as the need for robust and reliable assessment.", source: "d26"),
            TagText.Input(idJSON: "2", text: "Sustained physician engagement is critical for quality improvement (QI).", source: "d26"),
        ]
        #expect(TagText.jsonLines(for: inputs, tagger: tagger)[0].contains(#""factors":["engagement-in-qi-paragraph","engagement-in-qi-source"]"#))
        let apart = inputs.map { TagText.Input(idJSON: $0.idJSON, text: $0.text, source: nil) }
        #expect(TagText.jsonLines(for: apart, tagger: tagger)[0].contains(#""factors":[]"#))
    }

    @Test("strings are escaped as JSON")
    func escaping() {
        #expect(TagText.jsonString("a \"quoted\"\\ line\n\u{1}é") == #""a \"quoted\"\\ line\n\u0001é""#)
    }
}
