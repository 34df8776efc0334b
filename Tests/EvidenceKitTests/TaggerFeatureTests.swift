import Testing
@testable import EvidenceKit

/// One test per rule feature, on real sentences from the gold abstracts (`Fixtures/gold/dev.jsonl`,
/// ids in the comments) or the framework paper's abstract, with `Fixtures/codebooks/features.yml`.
@Suite("Tagger rule features")
struct TaggerFeatureTests {
    let tagger: Tagger

    init() throws {
        tagger = Tagger(try Codebook.load(path: Fixture.path("codebooks/features.yml")))
    }

    func passage(_ text: String, section: String = "", paragraph: Int = 0, index: Int = 0) -> Passage {
        Passage(kind: .abstract, section: section, paragraph: paragraph, index: index, text: text, start: 0, end: text.unicodeScalars.count)
    }

    func matches(_ tags: PassageTags, label: String) -> [TagMatch] { tags.matches.filter { $0.label == label } }

    @Test("a wildcard matches every word with that beginning, and keeps the word as written")
    func wildcard() {
        // d2-s1
        let tags = tagger.tag(text: "Managers are uniquely placed to facilitate quality improvement (QI), yet little empirical evidence exists about their influence in engaging clinicians in QI.")
        #expect(tags.actors == ["managers"])
        #expect(matches(tags, label: "managers") == [TagMatch(rule: "managers/terms", label: "managers", text: "Managers", start: 0, end: 8)])
    }

    @Test("front-line, frontline and front line are one term")
    func hyphenVariants() {
        // The framework abstract, and d6-s1.
        let hyphen = tagger.tag(text: "We identify specific factors that influence the coordination of front-line staff and managers in quality improvement, and integrate these factors into a novel model: the model of alignment.")
        #expect(matches(hyphen, label: "clinical-staff") == [TagMatch(rule: "clinical-staff/terms", label: "clinical-staff", text: "front-line staff", start: 64, end: 80)])
        let joined = tagger.tag(text: "Middle managers within healthcare hold a unique position between senior leadership and frontline staff, and may hold a pivotal function in the implementation of quality improvement (QI) projects.")
        #expect(matches(joined, label: "clinical-staff") == [TagMatch(rule: "clinical-staff/terms", label: "clinical-staff", text: "frontline staff", start: 87, end: 102)])
        #expect(tagger.tag(text: "the front line staff").actors == ["clinical-staff"])
    }

    @Test("British -isation and American -ization spellings match the same term")
    func spellingVariants() {
        // d26-s4 (British) and d8-s6 (American) against the term `organisational culture`.
        let british = tagger.tag(text: "b) that any aspiration to achieve an organisational culture known as 'clinically led' cannot be achieved without high levels of medical engagement.")
        #expect(matches(british, label: "culture-hierarchy").map(\.text) == ["organisational culture"])
        let american = tagger.tag(text: "Barriers in organizational culture for nurses to lead QI.")
        #expect(matches(american, label: "culture-hierarchy") == [TagMatch(rule: "culture-hierarchy/terms", label: "culture-hierarchy", text: "organizational culture", start: 12, end: 34)])
    }

    @Test("near: A within N words of B")
    func proximity() {
        // d6-s2: "middle managers’ role" (no word between) and "role exists amongst middle managers"
        // (two words between, in the other order).
        let tags = tagger.tag(text: "This review aims to explore what is known about healthcare middle managers’ role in implementing QI initiatives, and to determine if consensus around their role exists amongst middle managers and other healthcare stakeholders alike.")
        #expect(matches(tags, label: "middle-manager-role") == [
            TagMatch(rule: "middle-manager-role/near-role", label: "middle-manager-role", text: "middle managers’ role", start: 59, end: 80),
            TagMatch(rule: "middle-manager-role/near-role", label: "middle-manager-role", text: "role exists amongst middle managers", start: 156, end: 191),
        ])
        // Three words between is still within 3; four is not.
        #expect(tagger.tag(text: "the role of these three middle managers").factors.contains("middle-manager-role"))
        #expect(!tagger.tag(text: "the role of all these three middle managers").factors.contains("middle-manager-role"))
        // d34-s3 speaks of middle managers but not of a role.
        #expect(!tagger.tag(text: "Since this trend of restructuring and reengineering, an understanding of the value of middle managers has been misplaced.").factors.contains("middle-manager-role"))
    }

    @Test("all: one term of every list within N words")
    func allWithin() {
        // The last sentence of the framework abstract.
        let tags = tagger.tag(text: "The extent to which clinical and managerial interests align may be an important determinant of the ultimate success of quality improvement interventions.")
        #expect(matches(tags, label: "priority-alignment") == [
            TagMatch(rule: "priority-alignment/all", label: "priority-alignment", text: "clinical and managerial interests align", start: 20, end: 59),
        ])
        // Title of the framework paper: the same three words, but `priorities` is no `align*` … the
        // title has `aligning` three words before `clinical and managerial`, still within 6.
        #expect(tagger.tag(text: "Beyond clinical engagement: a pragmatic model for quality improvement interventions, aligning clinical and managerial priorities").factors.contains("priority-alignment"))
        // Too far apart: clinical ... managerial are 10+ words from any align word.
        #expect(!tagger.tag(text: "Clinical engagement is not a universal challenge, and the managerial literature rarely uses the word align.").factors.contains("priority-alignment"))
    }

    @Test("an exclusion vetoes the matches it overlaps")
    func exclusion() {
        // d36-s3: `pain management` is not about managers.
        let tags = tagger.tag(text: "The study found that many anaesthetists and to a lesser extent nursing staff saw postoperative pain management as a new and unjustified addition to their professional role.")
        #expect(tags.actors == [])
        // The same sentence without the excluded phrase: `management` is evidence for managers.
        let control = tagger.tag(text: "The study found that many anaesthetists and to a lesser extent nursing staff saw postoperative management as a new and unjustified addition to their professional role.")
        #expect(control.actors == ["managers"])
    }

    @Test("context: the label counts only when a context term occurs in the sentence, paragraph or source")
    func contextLevels() {
        let unrelated = passage("Medical engagement as a concept is discussed, as well as the need for robust and reliable assessment.", paragraph: 0, index: 0) // d26-s5
        let qi = passage("Sustained physician engagement is critical for quality improvement (QI) aiming to enhance health system integration.", paragraph: 1, index: 1) // d28-s2
        let alone = tagger.tag(source: [unrelated])
        #expect(!alone[0].factors.contains(where: { $0.hasPrefix("engagement-in-qi") }))
        let together = tagger.tag(source: [unrelated, qi])
        #expect(together[0].factors == ["engagement-in-qi-source"])
        #expect(together[1].factors.filter { $0.hasPrefix("engagement-in-qi") } == ["engagement-in-qi-paragraph", "engagement-in-qi-sentence", "engagement-in-qi-source"])
        let sameParagraph = tagger.tag(source: [unrelated, passage(qi.text, paragraph: 0, index: 1)])
        #expect(sameParagraph[0].factors == ["engagement-in-qi-paragraph", "engagement-in-qi-source"])
    }

    @Test("negation: lack of managerial support gives managerial engagement with direction barrier")
    func negationGivesBarrier() {
        let tags = tagger.tag(text: "Staff reported a lack of managerial support.")
        #expect(tags.factors == ["managerial-engagement"])
        #expect(tags.direction == ["barrier"])
        #expect(tags.matches.contains(TagMatch(rule: "facilitator/terms", label: "barrier", text: "support", start: 36, end: 43)))
        #expect(tags.matches.contains(TagMatch(rule: "managerial-engagement/terms", label: "barrier", text: "managerial support", start: 25, end: 43)))
        // d4-s1: "Lack of physician involvement" is clinical engagement, as a barrier.
        let d4 = tagger.tag(text: "Lack of physician involvement in quality improvement threatens the success and sustainability of quality improvement measures.")
        #expect(d4.factors == ["clinical-engagement"])
        #expect(d4.direction == ["barrier"])
        #expect(matches(d4, label: "barrier") == [TagMatch(rule: "clinical-engagement/all", label: "barrier", text: "physician involvement", start: 8, end: 29)])
    }

    @Test("negation: a cue after the match, a flipped direction cue, and a terminator that ends the window")
    func negationWindows() {
        // d8-s2: "participation is low" — the after-cue negates the second match only.
        let d8 = tagger.tag(text: "Background: Nurse engagement in QI has been associated with quality care and improved patient outcomes, yet nurse reported participation is low.")
        #expect(matches(d8, label: "barrier").map(\.text) == ["nurse reported participation"])
        #expect(matches(d8, label: "clinical-engagement").map(\.text) == ["Nurse engagement", "nurse reported participation"])
        // d4-s12: "do not facilitate" flips the facilitator cue to a barrier.
        let d4 = tagger.tag(text: "We need further studies to explore why managers do not facilitate physicians´ participation in quality improvement.")
        #expect(d4.direction == ["barrier"])
        #expect(d4.matches.contains(TagMatch(rule: "facilitator/terms", label: "barrier", text: "facilitate", start: 55, end: 65)))
        // The framework abstract: "yet" ends the window, so nothing before it negates what follows.
        let yet = tagger.tag(text: "Not proven yet managerial participation in quality improvement interventions is often assumed.")
        #expect(yet.direction == [])
        #expect(yet.factors == ["managerial-engagement"])
    }

    @Test("hedging drops the matches of labels that ask for it")
    func hedging() {
        // d6-s1: "may hold a pivotal function" — `pivotal` is within 3 words of `may`.
        let tags = tagger.tag(text: "Middle managers within healthcare hold a unique position between senior leadership and frontline staff, and may hold a pivotal function in the implementation of quality improvement (QI) projects.")
        #expect(tags.direction == [])
        #expect(tagger.tag(text: "Middle managers hold a pivotal function in the implementation of quality improvement (QI) projects.").direction == ["facilitator"])
    }

    @Test("a case-sensitive term matches the acronym only as written")
    func caseSensitive() {
        let text = "Managers are uniquely placed to facilitate quality improvement (QI), yet little empirical evidence exists about their influence in engaging clinicians in QI."
        let tags = tagger.tag(text: text)
        #expect(matches(tags, label: "qi-acronym").map(\.start) == [64, 154])
        #expect(!tagger.tag(text: text.lowercased()).factors.contains("qi-acronym"))
    }

    @Test("a regular expression rule reports its match with scalar offsets")
    func regex() {
        // d4-s6 has a curly apostrophe before the match, so scalar and UTF-8 offsets differ.
        let tags = tagger.tag(text: "Physicians’ interest in quality improvement and their active participation was significantly related to the designated time for quality improvement in their work-hour schedule (p < 0.001).")
        #expect(matches(tags, label: "p-value") == [TagMatch(rule: "p-value/regex", label: "p-value", text: "p < 0.001", start: 177, end: 186)])
    }

    @Test("weights, thresholds and section weights")
    func thresholds() {
        // d4-s7: time, designated and work hours: three matches reach the threshold of 2.
        let d4 = tagger.tag(text: "Only 16.7% reported time designated for quality improvement in their own work hours.")
        #expect(d4.factors.contains("designated-time"))
        // d2-s2: one match only …
        let d2 = "To address this gap, a qualitative study was undertaken and revealed 2 themes: balancing being present with letting frontline staff lead their QI projects, and leveraging flexibility in scheduling with protected time."
        #expect(!tagger.tag(text: d2).factors.contains("designated-time"))
        // … but in a Results section every match weighs 2.
        #expect(tagger.tag(source: [passage(d2, section: "Results")])[0].factors.contains("designated-time"))
    }

    @Test("section scope: a rule limited to a section, and skipped sections")
    func sectionScope() {
        let text = "Yet managerial participation in quality improvement interventions is often assumed, rather than proven."
        #expect(!tagger.tag(source: [passage(text, section: "Methods")])[0].factors.contains("discussion-only"))
        #expect(tagger.tag(source: [passage(text, section: "Discussion")])[0].factors.contains("discussion-only"))
        #expect(tagger.tag(source: [passage(text, section: "References")])[0] == PassageTags())
    }

    @Test("offsets count Unicode scalars, so curly quotes count as one")
    func scalarOffsets() {
        // d1-s1 starts with `The term “`.
        let text = "The term “physician engagement” is used quite frequently, yet it remains poorly defined and measured."
        let tags = tagger.tag(text: text)
        #expect(matches(tags, label: "clinical-engagement") == [TagMatch(rule: "clinical-engagement/all", label: "clinical-engagement", text: "physician engagement", start: 10, end: 30)])
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[10..<30])) == "physician engagement")
    }
}
