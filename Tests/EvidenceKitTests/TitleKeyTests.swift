import Testing

@testable import EvidenceKit

@Suite("Title key")
struct TitleKeyTests {
    @Test("the BMJ page's and the Chinese site's titles of the Pannick paper match; so do PubMed's variants")
    func pannick() throws {
        let bmj = try #require(try PlainTextParser().records(path: Fixture.path("plain-text/pannick-2016-abstract-page-bmj.txt")).first)
        let zh = try #require(try PlainTextParser().records(path: Fixture.path("plain-text/pannick-2016-abstract-page-zh.txt")).first)
        let key = "beyondclinicalengagementapragmaticmodelforqualityimprovementinterventionsaligningclinicalandmanagerialpriorities"
        #expect(TitleKey.make(bmj.title) == key)
        #expect(TitleKey.make(zh.title) == key)
        #expect(TitleKey.make("BEYOND CLINICAL ENGAGEMENT - A PRAGMATIC MODEL FOR QUALITY IMPROVEMENT INTERVENTIONS, ALIGNING CLINICAL AND MANAGERIAL PRIORITIES.") == key)
        #expect(TitleKey.make("Beyond clinical engagement—a pragmatic model for quality improvement interventions, aligning clinical and managerial priorities") == key)
    }

    @Test("tricky pairs that are the same title")
    func samePairs() {
        let pairs: [(String, String)] = [
            ("Physician participation in quality improvement work- interest and opportunity", "Physician participation in quality improvement work – interest and opportunity"),
            ("Non‐obese patients", "Non-obese patients"),
            ("Non‑obese patients", "Nonobese patients"),
            ("Quality &amp; safety", "Quality & Safety"),
            ("Quality &#38; safety", "Quality &#x26; Safety"),
            ("[Abrasion of blind cysts].", "Abrasion of blind cysts"),
            ("Genetic variants at the <i>TERT</i> gene", "Genetic variants at the TERT gene"),
            ("H<sub>2</sub>O uptake", "H2O uptake"),
            ("Søfteland’s café: a study", "Softeland's Cafe - a study"),
            ("ＦＵＬＬ width", "full width"),
            ("Évaluation  des  pratiques\n", "evaluation des pratiques"),
        ]
        for (a, b) in pairs {
            #expect(TitleKey.make(a) == TitleKey.make(b), "\(a) vs \(b)")
        }
        #expect(TitleKey.make("Quality &amp; safety") == "qualitysafety")
        #expect(TitleKey.make("Søfteland’s café") == "softelandscafe")
    }

    @Test("different titles keep different keys")
    func differentPairs() {
        #expect(TitleKey.make("Quality improvement in 2010") != TitleKey.make("Quality improvement in 2011"))
        #expect(TitleKey.make("Type 1 diabetes") != TitleKey.make("Type 2 diabetes"))
        #expect(TitleKey.make("质量改进") == "质量改进")
        #expect(TitleKey.make(" -- ") == "")
    }
}
