import Foundation
import Testing

@testable import EvidenceKit

/// Expected values were read off the fixture files with grep/zcat (see Fixtures/README.md).
@Suite("JATS full-text parser")
struct JATSParserTests {
    private func records(_ file: String) throws -> [SourceRecord] {
        try records(atPath: Fixture.path("jats/\(file)"))
    }

    private func records(atPath path: String) throws -> [SourceRecord] {
        var result: [SourceRecord] = []
        try JATSParser().parse(path: path) { event in
            if case .record(let record) = event { result.append(record) }
        }
        return result
    }

    private func only(_ file: String) throws -> SourceRecord {
        let all = try records(file)
        try #require(all.count == 1)
        return all[0]
    }

    /// Section names of the abstract blocks in order, each once.
    private func abstractSections(_ record: SourceRecord) -> [String] {
        var names: [String] = []
        for block in record.blocks where block.kind == .abstract && names.last != block.section {
            names.append(block.section)
        }
        return names
    }

    @Test("mds526 (JATS Archiving 1.0): ids, title, authors, journal, date and pages")
    func annalsOfOncologyMetadata() throws {
        let record = try only("mds526.nxml")
        #expect(record.format == .jats)
        #expect(record.pmid == "23149571")
        #expect(record.pmcid == "PMC3574550")
        #expect(record.doi == "10.1093/annonc/mds526")
        #expect(
            record.title
                == "Socio-demographic inequalities in stage of cancer diagnosis: evidence from patients with female breast, lung, colon, rectal, prostate, renal, bladder, melanoma, ovarian and endometrial cancer"
        )
        #expect(record.authors.count == 7)
        #expect(record.authors.first == Author(family: "Lyratzopoulos", given: "G."))
        #expect(record.authors.first?.display == "Lyratzopoulos G")
        #expect(record.authors[1].display == "Abel GA")
        #expect(record.journal == "Annals of Oncology")
        #expect(record.journalAbbreviation == "Ann. Oncol")
        #expect(record.year == 2013)  // the print issue's year (volume 24, 2013), not the epub's 2012
        #expect(record.volume == "24")
        #expect(record.issue == "3")
        #expect(record.pages == "843-850")
        #expect(record.licence == "http://creativecommons.org/licenses/by-nc/3.0")
        #expect(record.keywords == ["cancer", "demographic", "diagnosis", "inequalities", "socio-economic", "stage"])
        #expect(record.publicationTypes == ["research-article"])
        #expect(record.language == nil)
    }

    @Test("mds526: structured abstract, section paths, captions and 40 references")
    func annalsOfOncologyText() throws {
        let record = try only("mds526.nxml")
        #expect(record.blocks.first == TextBlock(kind: .title, text: record.title))
        #expect(abstractSections(record) == ["Background", "Patients and methods", "Results", "Conclusions"])
        #expect(
            record.blocks.contains(
                TextBlock(
                    kind: .abstract, section: "Background",
                    text: "Understanding socio-demographic inequalities in stage at diagnosis can inform priorities for cancer control."
                )))
        let analysis = record.blocks.filter { $0.section == "methods > analysis" }
        #expect(analysis.count == 5)
        #expect(analysis.allSatisfy { $0.kind == .body })
        #expect(
            analysis.first?.text.hasPrefix("The main analysis was confined to patients with known stage (complete case analysis).")
                == true)
        let captions = record.blocks.filter { $0.kind == .caption }
        #expect(captions.count == 6)  // 4 tables and 2 figures
        #expect(
            captions.contains(
                TextBlock(
                    kind: .caption, section: "results",
                    text: "Figure 1. Deprivation inequalities in advanced stage at diagnosis by cancer (odds ratios and 95% confidence intervals for diagnosis in stage III/ IV versus I/II)."
                )))
        // Table cells are not passages.
        #expect(!record.blocks.contains { $0.text.contains("Unknown stage") })
        #expect(record.references.count == 40)
        #expect(
            record.references.first
                == "Parkin DM, Boyd L, Walker LC. The fraction of cancer attributable to lifestyle and environmental factors in the UK in 2010. Br J Cancer. 2011;105(Suppl 2):S77-S81. doi:10.1038/bjc.2011.489"
        )
        #expect(
            record.references[10]
                == "Sobin LH, Wittekind CH, editors. International Union Against Cancer (UICC) (1997) TNM Classification of Malignant Tumors. New York: John Wiley & Sons Inc."
        )
    }

    @Test("a figure inside a paragraph becomes a caption block right after that paragraph")
    func figureInsideParagraph() throws {
        let record = try only("mds526.nxml")
        let index = try #require(record.blocks.firstIndex { $0.text.hasPrefix("Figure 1. Deprivation") })
        #expect(record.blocks[index - 1].kind == .caption)
        #expect(record.blocks[index - 1].text.hasPrefix("Table 3. "))
        #expect(record.blocks[index + 1].text.hasPrefix("Figure 2. Age inequalities"))
        #expect(record.blocks[index + 2].text.hasPrefix("The sensitivity analysis (carried out using the initial model)"))
    }

    @Test("PLOS Medicine 1001186 (publisher XML): DOI, licence name, 28 references, boxed text")
    func plosMedicineGuidance() throws {
        let record = try only("journal.pmed.1001186.xml")
        #expect(record.doi == "10.1371/journal.pmed.1001186")
        #expect(record.pmid == nil)
        #expect(
            record.title
                == "Guidance for Evidence-Informed Policies about Health Systems: Linking Guidance Development to Policy Development"
        )
        #expect(record.authors.count == 10)
        #expect(record.authors.first?.display == "Lavis JN")
        #expect(record.journal == "PLoS Medicine")
        #expect(record.journalAbbreviation == "PLoS Med")
        #expect(record.year == 2012)
        #expect(record.pages == "e1001186")
        // The licence element has no URL; its statement names the licence.
        #expect(record.licence == "Creative Commons Attribution License")
        #expect(record.references.count == 28)
        #expect(
            record.references.first
                == "Bosch-Capblanch X, Lavis JN, Lewin S, Atun R, Røttingen JA, et al. Guidance for evidence-informed decisions about health systems: rationale for and challenges of guidance development. PLoS Med. 2012;9:e1001185. doi:10.1371/journal.pmed.1001185"
        )
        // The only abstract is the table-of-contents teaser, so it is used.
        #expect(abstractSections(record) == [""])
        let box = record.blocks.filter {
            $0.section == "Introduction > Box 1. The Task Force on Developing Health Systems Guidance"
        }
        #expect(box.count == 6)
        #expect(box.first?.text == "To improve how it responds to requests for guidance on health systems, WHO established the Task Force on Developing Health Systems Guidance in 2009. Briefly:")
    }

    @Test("PLOS Medicine 1001473: 9 abstract sections, 134 references, citation markers kept")
    func plosMedicineTreatmentBurden() throws {
        let record = try only("journal.pmed.1001473.xml")
        #expect(record.doi == "10.1371/journal.pmed.1001473")
        #expect(record.language == "en")
        #expect(
            abstractSections(record) == [
                "Background", "Methods and Findings", "Conclusions", "Systematic Review Registration",
                "Editors' Summary > Background", "Editors' Summary > Why Was This Study Done?",
                "Editors' Summary > What Did the Researchers Do and Find?",
                "Editors' Summary > What Do These Findings Mean?", "Editors' Summary > Additional Information",
            ])
        // The "toc" teaser is left out because a main abstract exists.
        #expect(!record.blocks.contains { $0.text.hasPrefix("In a systematic review of qualitative research, Katie Gallacher") })
        #expect(record.references.count == 134)
        #expect(record.references.first == "May C, Montori VM, Mair FS (2009) We need minimally disruptive medicine. BMJ 339: b2803.")
        #expect(
            record.blocks.contains(
                TextBlock(
                    kind: .body, section: "Introduction > Treatment Burden in Stroke",
                    text: "Cerebrovascular disease (stroke) is the leading cause of long-term disability in both the UK and the US [19],[20]. Global projections to the year 2020 indicate that this disease burden will increase, in both westernised and resource-poor countries [21]. It is well documented that treatment for, and rehabilitation from, stroke can be an extended, arduous process, demanding significant personal investment from the patient [22],[23]."
                )))
    }

    @Test("PLOS ONE 0119074: inline MathML is flattened into the sentence without stray whitespace")
    func inlineMath() throws {
        let record = try only("journal.pone.0119074.xml")
        #expect(record.title == "The Effect of Cluster Size Variability on Statistical Power in Cluster-Randomized Trials")
        #expect(
            record.blocks.contains(
                TextBlock(kind: .body, section: "Project Overview > Simulation study", text: "Between cluster variance (BCV=ση2)")))
        #expect(record.blocks.allSatisfy { !$0.text.contains("\n") && !$0.text.contains("  ") })
        #expect(record.references.count == 18)
    }

    @Test("PLOS ONE 0097541: a correction notice with almost no body")
    func correctionNotice() throws {
        let record = try only("journal.pone.0097541.xml")
        #expect(record.publicationTypes == ["correction"])
        #expect(record.authors == [Author.group("The PLOS ONE Staff")])
        #expect(record.year == 2014)
        #expect(record.pages == "e97541")
        #expect(record.licence == "http://creativecommons.org/licenses/by/4.0/")
        #expect(record.blocks.count == 2)
        #expect(record.blocks[1].kind == .body)
        #expect(record.blocks[1].section == "Notice of Republication")
        #expect(record.references.count == 1)
    }

    @Test("Critical Care meeting abstract: body sections without an abstract, mixed citations without punctuation")
    func meetingAbstract() throws {
        let record = try only("cc11003.nxml")
        #expect(record.pmid == nil)
        #expect(record.pmcid == "PMC3363814")
        #expect(record.doi == "10.1186/cc11003")
        #expect(
            record.title
                == "Acute respiratory distress syndrome: analysis of incidence and mortality in a university hospital critical care unit"
        )
        #expect(record.authors.count == 5)
        #expect(record.journalAbbreviation == "Crit Care")
        #expect(record.issue == "Suppl 1")
        #expect(record.pages == "P396")
        #expect(abstractSections(record).isEmpty)
        #expect(record.blocks.filter { $0.kind == .body }.map(\.section) == ["Introduction", "Methods", "Results", "Conclusion"])
        #expect(
            record.references == [
                "Roca O, et al. Estudio de cohortes sobre incidencia de SDRA en pacientes ingresados en UCIy factores pronósticos de mortalidad. Med Intensiva. 2006;30:6-12. doi:10.1016/S0210-5691(06)74455-2",
                "Zambon M, Vincent JL. Mortality for patients with ALI/ARDS have decreased over time. Chest. 2008;133:151-161.",
                "Frutos-Vivar, et al. Epidemiology of ALI and ARDS. Curr Opin Crit Care. 2004;10:1-6.",
            ])
    }

    @Test("BMC Oral Health, old NLM Archiving DTD v2.3: ids, title, structured abstract, old citations")
    func oldNLMDTD() throws {
        let record = try only("1472-6831-8-11.nxml")
        #expect(record.pmid == "18405359")
        #expect(record.pmcid == "PMC2329613")
        #expect(record.doi == "10.1186/1472-6831-8-11")
        #expect(
            record.title
                == "The Dutch version of the Oral Health Impact Profile (OHIP-NL): Translation, reliability and construct validity"
        )
        #expect(record.authors.map(\.display) == ["van der Meulen MJ", "John MT", "Naeije M", "Lobbezoo F"])
        #expect(record.journal == "BMC Oral Health")  // journal-title directly in journal-meta
        #expect(record.year == 2008)
        #expect(record.pages == "11")
        #expect(record.licence == "http://creativecommons.org/licenses/by/2.0")
        #expect(abstractSections(record) == ["Background", "Methods", "Results", "Conclusion"])
        #expect(record.references.count == 31)
        #expect(record.references.first == "Locker D. Measuring oral health: a conceptual framework. Community Dent Health. 1988;5:3-18.")
        #expect(
            record.references[5]
                == "World Health Organization. International classification of impairments, disabilities and handicaps: a manual of classification. Geneva, Switzerland: World Health Organization; 1980."
        )
    }

    @Test("PMC2674676 (.gz): spacing around single-letter italics kept, floats-group captions")
    func gzipAndItalicSpacing() throws {
        let record = try only("PMC2674676.xml.gz")
        #expect(record.pmid == "19455224")
        #expect(record.pmcid == "PMC2674676")  // written with its prefix in the file
        #expect(record.title == "A Fast and Specific Alignment Method for Minisatellite Maps")
        let notation = try #require(record.blocks.first { $0.section == "2. Evolutionary Model > 2.1. Notations" })
        #expect(notation.text.hasPrefix("Let ∑ be a finite alphabet of variants. A map s is a string of |s| characters of ∑ indexed from 1 to |s|."))
        // A cross-reference in a section title is part of it.
        #expect(record.blocks.contains { $0.section == "3. Algorithm > 3.3. Improvements over the algorithm of (Bérard and Rivals, 2003)" })
        let captions = record.blocks.filter { $0.kind == .caption }
        #expect(captions.count == 11)
        #expect(captions.filter { $0.section.isEmpty }.count == 8)  // those in floats-group
        #expect(record.references.count == 34)  // two ref-lists in back
    }

    @Test("PMC3747765: a poster collection gives the parent and 52 sub-articles as 53 records")
    func subArticles() throws {
        let all = try records("PMC3747765.nxml.gz")
        #expect(all.count == 53)
        let parent = all[0]
        #expect(parent.title == "POSTERS")
        #expect(parent.pmcid == "PMC3747765")
        #expect(parent.doi == "10.3402/mehd.v23i0.17461")
        #expect(parent.blocks == [TextBlock(kind: .title, text: "POSTERS")])
        let first = all[1]
        #expect(
            first.title
                == "Establishment of gnotobiotic miniature swine for xenotransplantation research program in Konkuk University, Seoul, Korea"
        )
        #expect(first.authors.map(\.display) == ["Hwang JH", "Jung SH", "Kim SE", "Kim YB", "Lee HT"])
        #expect(first.pmcid == nil && first.doi == nil)  // ids are never inherited
        #expect(first.journal == "Microbial Ecology in Health and Disease")
        #expect(first.year == 2012)
        #expect(first.volume == "23")
        #expect(first.licence == "http://creativecommons.org/licenses/by/2.0/")  // inherited
        #expect(first.blocks.filter { $0.kind == .body }.count == 2)
        #expect(all.dropFirst().allSatisfy { !$0.blocks.filter { $0.kind == .body }.isEmpty })
    }

    @Test("efetch pmc-articleset wrapper around a correction")
    func articleSetWrapper() throws {
        let record = try only("efetch_pmc.xml")
        #expect(record.pmid == "34527728")
        #expect(record.pmcid == "PMC8435807")
        #expect(record.doi == "10.1183/23120541.50193-2021")
        #expect(record.title.hasPrefix("“Lung diffusing capacity for nitric oxide measured by two commercial devices"))
        #expect(record.title.hasSuffix("ERJ Open Res 2021; 7: 00193-2021."))
        #expect(record.journal == "ERJ Open Research")
        #expect(record.journalAbbreviation == "ERJ Open Res")
        #expect(record.year == 2021)
        #expect(record.volume == "7")
        #expect(record.issue == "3")
        #expect(record.pages == "50193-2021")
        #expect(record.licence == "https://creativecommons.org/licenses/by-nc/4.0/")
        #expect(record.authors.isEmpty)
        #expect(record.blocks.map(\.kind) == [.title, .body])
        #expect(record.blocks[1].text.hasSuffix("has now been corrected to −15.1% in the published article."))
    }

    @Test("an article without a title is malformed, with the line where it starts")
    func untitledArticle() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("untitled.nxml").path
        let paragraphs = (1...100).map { "<p>Paragraph \($0) of a body long enough to span many lines.</p>" }
        let lines = [
            "<?xml version=\"1.0\"?>", "<pmc-articleset>", "<article article-type=\"research-article\">",
            "<front><article-meta><article-id pub-id-type=\"pmid\">1</article-id></article-meta></front>",
            "<body>",
        ] + paragraphs + ["</body>", "</article>", "</pmc-articleset>"]
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try records(atPath: path)
            Issue.record("expected an error")
        } catch let error as IngestError {
            guard case .malformed(let errorPath, let line, let reason) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(reason == "this <article> has no <article-title>")
            // The article starts on line 3; libxml2's reader is at most one 512-byte chunk
            // ahead of the node it reports, far from the article's end on line 107.
            let reported = try #require(line)
            #expect((3...12).contains(reported))
        }
    }

    @Test("a wrapper holding no article is malformed")
    func emptyWrapper() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("empty.xml").path
        try "<?xml version=\"1.0\"?>\n<pmc-articleset>\n</pmc-articleset>\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: IngestError.malformed(path: path, line: nil, reason: "no JATS <article> element in the file")) {
            try records(atPath: path)
        }
    }

    @Test("a truncated file is not well-formed and fails with its path and line")
    func truncatedFile() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("truncated.xml").path
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("jats/efetch_pmc.xml")))
        try data.prefix(2000).write(to: URL(fileURLWithPath: path))
        do {
            _ = try records(atPath: path)
            Issue.record("expected an error")
        } catch let error as IngestError {
            guard case .malformed(let errorPath, let line, _) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(line == 34)  // the cut falls inside the article-title on line 34 (as xmllint says)
        }
    }
}
