import Foundation
import Testing

@testable import EvidenceKit

@Suite("Citations: labels, Vancouver and APA")
struct CitationTests {
    /// The model's own paper, with the metadata of its BMJ page.
    static let pannick = EvidenceSource(
        id: 1,
        authors: [
            Author(family: "Pannick", given: "Samuel"), Author(family: "Sevdalis", given: "Nick"),
            Author(family: "Athanasiou", given: "Thanos"),
        ],
        title: "Beyond clinical engagement: a pragmatic model for quality improvement interventions, aligning clinical and managerial priorities",
        journal: "BMJ Quality & Safety", journalAbbreviation: "BMJ Qual Saf", year: 2016, volume: "25", issue: "9",
        pages: "716-725", doi: "10.1136/bmjqs-2015-004453")

    /// PubMed 29963580 as `pubmed7.xml` has it: eight people, then a group author.
    static let guo = EvidenceSource(
        id: 2,
        authors: [
            Author(family: "Guo", initials: "F"), Author(family: "Capaldi", initials: "D"),
            Author(family: "Kirby", initials: "M"), Author(family: "Sheikh", initials: "K"),
            Author(family: "Svenningsen", initials: "S"), Author(family: "McCormack", initials: "DG"),
            Author(family: "Fenster", initials: "A"), Author(family: "Parraga", initials: "G"),
            .group("Canadian Respiratory Research Network"),
        ],
        title: "Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease.",
        journal: "Journal of medical imaging (Bellingham, Wash.)", journalAbbreviation: "J Med Imaging (Bellingham)",
        year: 2018, volume: "5", issue: "2", pages: "026002", doi: "10.1117/1.JMI.5.2.026002", pmid: "29963580")

    @Test("the Pannick reference in Vancouver, with the NLM page range 716-25")
    func pannickVancouver() {
        #expect(CitationStyle.vancouver.reference(for: Self.pannick)
            == "Pannick S, Sevdalis N, Athanasiou T. Beyond clinical engagement: a pragmatic model for quality improvement interventions, aligning clinical and managerial priorities. BMJ Qual Saf. 2016;25(9):716-25. doi:10.1136/bmjqs-2015-004453")
    }

    @Test("the Pannick reference in APA 7, with the full journal name and page range")
    func pannickAPA() {
        #expect(CitationStyle.apa.reference(for: Self.pannick)
            == "Pannick, S., Sevdalis, N., & Athanasiou, T. (2016). Beyond clinical engagement: a pragmatic model for quality improvement interventions, aligning clinical and managerial priorities. BMJ Quality & Safety, 25(9), 716–725. https://doi.org/10.1136/bmjqs-2015-004453")
    }

    @Test("more than six authors: the first six then et al. in Vancouver; all nine with the group in APA")
    func manyAuthorsAndGroup() {
        #expect(CitationStyle.vancouver.reference(for: Self.guo)
            == "Guo F, Capaldi D, Kirby M, Sheikh K, Svenningsen S, McCormack DG, et al. Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease. J Med Imaging (Bellingham). 2018;5(2):026002. doi:10.1117/1.JMI.5.2.026002")
        #expect(CitationStyle.apa.reference(for: Self.guo)
            == "Guo, F., Capaldi, D., Kirby, M., Sheikh, K., Svenningsen, S., McCormack, D. G., Fenster, A., Parraga, G., & Canadian Respiratory Research Network. (2018). Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease. Journal of medical imaging (Bellingham, Wash.), 5(2), 026002. https://doi.org/10.1117/1.JMI.5.2.026002")
    }

    @Test("a group author alone is written as it stands and labels the citation")
    func groupAuthorAlone() {
        var source = Self.guo
        source.authors = [.group("Canadian Respiratory Research Network")]
        #expect(CitationStyle.vancouver.reference(for: source).hasPrefix(
            "Canadian Respiratory Research Network. Development of a pulmonary"))
        #expect(CitationStyle.apa.reference(for: source).hasPrefix(
            "Canadian Respiratory Research Network. (2018). Development of a pulmonary"))
        #expect(source.citationLabel == "Canadian Respiratory Research Network 2018")
    }

    @Test("a gold source without volume, issue or pages leaves their punctuation out")
    func missingPages() throws {
        let jeffs = try GoldCorpus.load().source("d2")
        #expect(CitationStyle.vancouver.reference(for: jeffs)
            == "Jeffs L, Indar A, Harvey B, McShane J, Bookey-Bassett S, Flintoft V, et al. Enabling Role of Manager in Engaging Clinicians and Staff in Quality Improvement. Journal of Nursing Care Quality. 2016. doi:10.1097/ncq.0000000000000196")
        #expect(CitationStyle.apa.reference(for: jeffs)
            == "Jeffs, L., Indar, A., Harvey, B., McShane, J., Bookey-Bassett, S., Flintoft, V., Suhemat, A., & Maione, M. (2016). Enabling Role of Manager in Engaging Clinicians and Staff in Quality Improvement. Journal of Nursing Care Quality. https://doi.org/10.1097/ncq.0000000000000196")
    }

    @Test("volume without issue, issue without volume, pages without either")
    func partialPublicationData() {
        var source = Self.pannick
        source.issue = nil
        #expect(CitationStyle.vancouver.reference(for: source).contains("BMJ Qual Saf. 2016;25:716-25. doi:"))
        #expect(CitationStyle.apa.reference(for: source).contains("BMJ Quality & Safety, 25, 716–725. https:"))
        source.issue = "9"
        source.volume = nil
        #expect(CitationStyle.vancouver.reference(for: source).contains("BMJ Qual Saf. 2016;(9):716-25. doi:"))
        source.issue = nil
        #expect(CitationStyle.vancouver.reference(for: source).contains("BMJ Qual Saf. 2016:716-25. doi:"))
        #expect(CitationStyle.apa.reference(for: source).contains("BMJ Quality & Safety, 716–725. https:"))
    }

    @Test("no authors, journal or year: the title leads and the date is unknown")
    func bareSource() throws {
        let source = try GoldCorpus.load().source("d34")
        #expect(CitationStyle.vancouver.reference(for: source)
            == "The importance of middle managers in healthcare organizations. [date unknown].")
        #expect(CitationStyle.apa.reference(for: source)
            == "The importance of middle managers in healthcare organizations. (n.d.).")
        #expect(source.citationLabel == "The importance of middle\u{2026} n.d.")
    }

    @Test("a title that ends with a full stop does not get a second one")
    func titleFullStop() throws {
        let weiner = try GoldCorpus.load().source("d15")
        #expect(CitationStyle.vancouver.reference(for: weiner)
            == "Weiner BJ, Shortell SM, Alexander J. Promoting clinical involvement in hospital quality improvement efforts: the effects of top management, board, and physician leadership. Health Services Research. 1997.")
    }

    @Test("APA past twenty authors: the first nineteen, an ellipsis, the last")
    func apaTwentyOneAuthors() {
        var source = Self.pannick
        source.authors = (1...21).map { Author(family: "Author\($0)", initials: "A") }
        let reference = CitationStyle.apa.reference(for: source)
        #expect(reference.hasPrefix("Author1, A., Author2, A., "))
        #expect(reference.contains("Author19, A., . . . Author21, A. (2016)."))
        #expect(!reference.contains("Author20"))
        #expect(!(reference.components(separatedBy: " (2016)").first ?? "").contains("&"))
    }

    @Test("journal abbreviations lose their full stops in Vancouver")
    func abbreviationDots() {
        var source = Self.pannick
        source.journalAbbreviation = "BMJ Qual. Saf."
        #expect(CitationStyle.vancouver.reference(for: source).contains(" BMJ Qual Saf. 2016;"))
    }

    @Test("labels: one author, two, three or more, an incomplete list, a group, no year")
    func labels() throws {
        let corpus = try GoldCorpus.load()
        #expect(Self.pannick.citationLabel == "Pannick et al. 2016")
        #expect(try corpus.source("d37").citationLabel == "Conway 2008")
        #expect(try corpus.source("d11").citationLabel == "Jha and Epstein 2010")
        #expect(try corpus.source("d2").citationLabel == "Jeffs et al. 2016")
        #expect(try corpus.source("d28").citationLabel == "Pariser et al. 2016")
        #expect(try corpus.source("d27").citationLabel == "Assessing the Impact of\u{2026} 1998")
        var undated = Self.pannick
        undated.year = nil
        #expect(undated.citationLabel == "Pannick et al. n.d.")
    }

    @Test("page ranges: NLM abbreviation and APA expansion")
    func pageRanges() {
        #expect(PageRange.nlm("716-725") == "716-25")
        #expect(PageRange.nlm("716–725") == "716-25")
        #expect(PageRange.nlm("1005-1010") == "1005-10")
        #expect(PageRange.nlm("123-129") == "123-9")
        #expect(PageRange.nlm("1-10") == "1-10")
        #expect(PageRange.nlm("716-25") == "716-25")
        #expect(PageRange.nlm("S12-S19") == "S12-9")
        #expect(PageRange.nlm("12-12") == "12")
        #expect(PageRange.nlm("e1002") == "e1002")
        #expect(PageRange.full("716-25") == "716–725")
        #expect(PageRange.full("S12-9") == "S12–S19")
        #expect(PageRange.full("716-725, 730") == "716–725, 730")
        #expect(PageRange.bounds("716-25") == ("716", "725"))
    }

    @Test("DOIs given with a resolver prefix are not doubled")
    func doiPrefix() {
        var source = Self.pannick
        source.doi = "https://doi.org/10.1136/bmjqs-2015-004453"
        #expect(CitationStyle.vancouver.reference(for: source).hasSuffix(" doi:10.1136/bmjqs-2015-004453"))
        #expect(CitationStyle.apa.reference(for: source).hasSuffix(" https://doi.org/10.1136/bmjqs-2015-004453"))
    }
}
