import Testing

@testable import EvidenceKit

/// Real sentences (from the sample PubMed/JATS files and the gold abstracts unless noted) for
/// each construct that trips naive splitters.
@Suite("Sentence splitter")
struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter().split(text).map { String(scalars: scalars[$0]) }
    }

    @Test("offsets are Unicode scalars without the surrounding whitespace")
    func offsets() {
        let text = "  Clinical engagement is not a universal challenge.  Yet managers—particularly middle managers—matter.\n"
        #expect(SentenceSplitter().split(text) == [2..<51, 53..<102])
        // "é" and "—" are one scalar each, "👍🏽" two.
        #expect(SentenceSplitter().split("Café ok 👍🏽. Next one.") == [0..<11, 12..<21])
        #expect(SentenceSplitter().split("") == [])
        #expect(SentenceSplitter().split(" \n\t ") == [])
    }

    @Test("et al. does not end a sentence before a lower-case word, a year or a citation")
    func etAl() {
        #expect(
            sentences(
                "Eton et al. carried out their study in the US where patients are required to negotiate with insurers. The financial implications of chronic disease management differ."
            ) == [
                "Eton et al. carried out their study in the US where patients are required to negotiate with insurers.",
                "The financial implications of chronic disease management differ.",
            ])
        #expect(
            sentences(
                "Plakortin is an antimalarial endoperoxide whose molecular anti-parasitic effect is described in Skorokhod et al. (2015) [1]. Plakortin did not elicit hemoglobin leakage from host red blood cells and did not oxidize reduced glutathione."
            ) == [
                "Plakortin is an antimalarial endoperoxide whose molecular anti-parasitic effect is described in Skorokhod et al. (2015) [1].",
                "Plakortin did not elicit hemoglobin leakage from host red blood cells and did not oxidize reduced glutathione.",
            ])
    }

    @Test("a citation marker before or after the period stays with its sentence")
    func citations() {
        #expect(
            sentences(
                "The data in this article are related to the research article entitled \"Optimization of melting analysis with TaqMan probes for detection of KRAS, NRAS, and BRAF mutations\" Botezatu et al. [1]. Somatic mutations in the PIK3CA gene (\"hot spots\" in exons 9 and 20) are found in many human cancers."
            ) == [
                "The data in this article are related to the research article entitled \"Optimization of melting analysis with TaqMan probes for detection of KRAS, NRAS, and BRAF mutations\" Botezatu et al. [1].",
                "Somatic mutations in the PIK3CA gene (\"hot spots\" in exons 9 and 20) are found in many human cancers.",
            ])
        #expect(
            sentences("Quality improvement initiatives may struggle to outperform secular trends.[1,2] The reasons are rarely explored (Smith et al., 2010).")
                == [
                    "Quality improvement initiatives may struggle to outperform secular trends.[1,2]",
                    "The reasons are rarely explored (Smith et al., 2010).",
                ])
    }

    @Test("e.g., i.e., vs., cf., approx., Fig., Figs., No., Vol. and titles are not sentence ends")
    func abbreviations() {
        #expect(
            sentences(
                "Such decisions may be about how the organization invests its money directly (e.g., bulk-purchasing arrangements) or about how it attaches conditionalities to funds invested in related areas (e.g., staffing in HIV clinics). For some of these organizations, this is new."
            ).count == 2)
        #expect(
            sentences(
                "The development of short forms further increases the utility of these auditory tasks in clinical trials and clinical practice. The large SZ vs. HC differences reported here also highlight the profound nature of auditory deficits and a need for remediation."
            ) == [
                "The development of short forms further increases the utility of these auditory tasks in clinical trials and clinical practice.",
                "The large SZ vs. HC differences reported here also highlight the profound nature of auditory deficits and a need for remediation.",
            ])
        #expect(
            sentences(
                "Dr. Hoffer receives book royalties from Slack, Inc., Thorofare, New Jersey, and formula royalties from all manufacturers using the Hoffer Q formula. No other author has a financial or proprietary interest in any material or method mentioned."
            ).count == 2)
        #expect(
            sentences(
                "The number of published articles utilizing CRTs has increased every year since 1997 (See Fig. 1). Due to its rising popularity, this relatively complex study design is facing greater scrutiny."
            ) == [
                "The number of published articles utilizing CRTs has increased every year since 1997 (See Fig. 1).",
                "Due to its rising popularity, this relatively complex study design is facing greater scrutiny.",
            ])
        // Written for this test: the remaining abbreviations in one paragraph.
        let text =
            "Rates fell by approx. 12% (cf. Figs. 2 and 3). Mr Smith and Ms. Jones led Ward No. 4, as reported in Vol. 25 of the journal. Staff in the U.K. Department of Health agreed, i.e. the trust adopted it."
        #expect(
            sentences(text) == [
                "Rates fell by approx. 12% (cf. Figs. 2 and 3).",
                "Mr Smith and Ms. Jones led Ward No. 4, as reported in Vol. 25 of the journal.",
                "Staff in the U.K. Department of Health agreed, i.e. the trust adopted it.",
            ])
    }

    @Test("U.S. inside a sentence does not split; at its end before a sentence opener it does")
    func countryCodes() {
        #expect(
            sentences(
                "We surveyed a nationally representative sample of board chairs of 1,000 U.S. hospitals to understand their expertise, perspectives, and activities in clinical quality. We found that fewer than half of the boards rated quality of care as one of their two top priorities."
            ).count == 2)
        #expect(
            sentences("In many hospitals in the U.S., however, there is evidence indicating current QI is not always driven by professional values.").count == 1)
        #expect(
            sentences("Governing boards may be an important target for policymakers hoping to improve care in the U.S. The authors surveyed 1,000 hospitals.")
                == [
                    "Governing boards may be an important target for policymakers hoping to improve care in the U.S.",
                    "The authors surveyed 1,000 hospitals.",
                ])
    }

    @Test("single initials of names do not end a sentence; a lone capital before 'The' does")
    func initials() {
        // Written for this test.
        #expect(
            sentences("The model was proposed by J. Smith and A. B. Jones in 2010. It has been applied in 12 trusts.") == [
                "The model was proposed by J. Smith and A. B. Jones in 2010.",
                "It has been applied in 12 trusts.",
            ])
        #expect(sentences("Patients received vitamin D. The dose was 800 IU.").count == 2)
    }

    @Test("decimals, p-values and confidence intervals never split")
    func numbers() {
        #expect(
            sentences(
                "The 4-month PFS rate was comparable for both groups (EE, 18% v EP, 20%; P = .7). In the subset of patients with high E-cadherin levels, OS was longer in the EE group compared with the EP group (9.4 v 5.4 months; hazard ratio, 0.35; 95% CI, 0.13 to 0.92; P = .03) with a corresponding trend toward increased PFS. The adverse event (AE) profile was acceptable."
            ) == [
                "The 4-month PFS rate was comparable for both groups (EE, 18% v EP, 20%; P = .7).",
                "In the subset of patients with high E-cadherin levels, OS was longer in the EE group compared with the EP group (9.4 v 5.4 months; hazard ratio, 0.35; 95% CI, 0.13 to 0.92; P = .03) with a corresponding trend toward increased PFS.",
                "The adverse event (AE) profile was acceptable.",
            ])
        #expect(
            sentences("Physicians’ participation was significantly related to designated time (p < 0.001). Only 16.7% reported time designated for quality improvement (95% CI 1.2-3.4).").count
                == 2)
        #expect(
            sentences("This is an article distributed under the Creative Commons Attribution Non-Commercial Licence 4.0. For commercial reproduction rights contact the publisher.")
                .count == 2)
    }

    @Test("a closing quote after the period belongs to the sentence")
    func closingQuotes() {
        #expect(
            sentences(
                "The aim of this study is to clarify the term “physician engagement.” This study used an eight step-method for conducting concept analyses created by Walker and Avant."
            ) == [
                "The aim of this study is to clarify the term “physician engagement.”",
                "This study used an eight step-method for conducting concept analyses created by Walker and Avant.",
            ])
        #expect(
            sentences("A few patients described some professionals as giving out unhelpful “mixed messages.” One patient reported that physiotherapists encouraged her.")
                .count == 2)
    }

    @Test("no split inside balanced parentheses; a list's unmatched '1)' swallows nothing")
    func parentheses() {
        // Written for this test.
        #expect(
            sentences("Patients were grouped by body mass index (BMI < 25 vs. ≥ 25 kg/m2. The cut-off follows WHO guidance.) before analysis. Results are shown below.")
                == [
                    "Patients were grouped by body mass index (BMI < 25 vs. ≥ 25 kg/m2. The cut-off follows WHO guidance.) before analysis.",
                    "Results are shown below.",
                ])
        #expect(
            sentences("(This was done before. See Fig. 2.) The next step was an audit.") == [
                "(This was done before. See Fig. 2.)", "The next step was an audit.",
            ])
        #expect(
            sentences("Two aims were set: 1) to map barriers, 2) to test them. Both were met. Neither was easy.").count == 3)
    }

    @Test("numbered lists stay in their sentence; a new item after a period starts one")
    func numberedLists() {
        #expect(
            sentences(
                "Results identify that the term “physician engagement” is regular participation of physicians in (1) deciding how their work is done, (2) making suggestions for improvement, (3) goal setting, (4) planning, and (5) monitoring of their performance."
            ).count == 1)
        #expect(
            sentences(
                "Barriers (1) Barriers in organizational culture for nurses to lead QI. Subthemes: organizational hierarchy and resistance to change. (2) Barriers in organisational structure for nurses to lead QI."
            ) == [
                "Barriers (1) Barriers in organizational culture for nurses to lead QI.",
                "Subthemes: organizational hierarchy and resistance to change.",
                "(2) Barriers in organisational structure for nurses to lead QI.",
            ])
    }

    @Test("section numbers open their sentence instead of being one")
    func sectionNumbers() {
        // Written for this test.
        #expect(
            sentences("We describe the model below. 2.1. Notations Let N be the number of clusters. 3. Results follow.") == [
                "We describe the model below.",
                "2.1. Notations Let N be the number of clusters.",
                "3. Results follow.",
            ])
    }

    @Test("labels stay with their sentence; label-only lines and blank lines end sentences")
    func labels() {
        #expect(
            sentences(
                "Results: Facilitators (1) A leader's influence on a QI culture. Subthemes: creating buy-in, support of a just culture and working in partnership with nurses."
            ) == [
                "Results: Facilitators (1) A leader's influence on a QI culture.",
                "Subthemes: creating buy-in, support of a just culture and working in partnership with nurses.",
            ])
        #expect(
            sentences(
                "Background\nWe aimed to investigate the long-term effect of metformin.\nMethods\nA retrospective study was performed in 213 patients with type 2 diabetes mellitus under the administration of metformin for more than one year."
            ) == [
                "Background",
                "We aimed to investigate the long-term effect of metformin.",
                "Methods",
                "A retrospective study was performed in 213 patients with type 2 diabetes mellitus under the administration of metformin for more than one year.",
            ])
        // A hard-wrapped line is not a label: the sentence goes on.
        #expect(sentences("Lack of physician involvement in quality improvement threatens\nthe success of quality improvement measures.").count == 1)
        #expect(sentences("Quality improvement in practice\n\nIt works.").count == 2)
    }

    @Test("sentences may open with a digit or a lower-case gene name after a real end")
    func digitAndGeneOpeners() {
        #expect(
            sentences(
                "Plasma neutralizing antibody (nAb) levels were measured using a multiplex surrogate virus neutralization test (sVNT) assay within a year. nAb levels increased in two weeks, showing strong inhibition against ancestral SARS-CoV-2. nAb levels declined by the day 60."
            ) == [
                "Plasma neutralizing antibody (nAb) levels were measured using a multiplex surrogate virus neutralization test (sVNT) assay within a year.",
                "nAb levels increased in two weeks, showing strong inhibition against ancestral SARS-CoV-2.",
                "nAb levels declined by the day 60.",
            ])
        #expect(
            sentences("The response rate was 72.6% (1513 of 2085). 213 patients were included. and then a fragment follows.") == [
                "The response rate was 72.6% (1513 of 2085).", "213 patients were included. and then a fragment follows.",
            ])
        #expect(
            sentences("Leishmaniasis is caused by Leishmania spp. and transmitted by female Phlebotomine sand flies. In Portugal, two species are vectors.").count
                == 2)
    }

    @Test("question and exclamation marks end sentences")
    func questionAndExclamation() {
        // Written for this test.
        #expect(
            sentences("Does quality improvement work? We reviewed 72 studies! (Most were small?) Yes.") == [
                "Does quality improvement work?", "We reviewed 72 studies!", "(Most were small?)", "Yes.",
            ])
        #expect(sentences("质量改进很重要。我们回顾了研究。") == ["质量改进很重要。", "我们回顾了研究。"])
    }
}
