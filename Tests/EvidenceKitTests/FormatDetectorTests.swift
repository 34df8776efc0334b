import Testing

@testable import EvidenceKit

@Suite("Format detection from content")
struct FormatDetectorTests {
    @Test("PubMed roots and wrappers are PubMed XML, whatever the file is called")
    func pubmedRoots() throws {
        #expect(try FormatDetector.detect(path: Fixture.path("pubmed-xml/pubmed4.xml")) == .readable(.pubmedXML))
        #expect(try FormatDetector.detect(path: Fixture.path("pubmed-xml/medline16n0902.xml.gz")) == .readable(.pubmedXML))
        #expect(try FormatDetector.detect(path: Fixture.path("pubmed-xml/18788097.xml")) == .readable(.pubmedXML))
        #expect(try FormatDetector.detect(path: Fixture.path("pubmed-xml/MedlineImporterTestBookArticleSet.xml")) == .readable(.pubmedXML))
    }

    @Test("JATS articles and pmc-articleset wrappers are JATS")
    func jatsRoots() throws {
        #expect(try FormatDetector.detect(path: Fixture.path("jats/mds526.nxml")) == .readable(.jats))
        #expect(try FormatDetector.detect(path: Fixture.path("jats/efetch_pmc.xml")) == .readable(.jats))
        #expect(try FormatDetector.detect(path: Fixture.path("jats/PMC2674676.xml.gz")) == .readable(.jats))
    }

    @Test("plain text pages are plain text")
    func plainText() throws {
        #expect(try FormatDetector.detect(path: Fixture.path("plain-text/pannick-2016-abstract-page-bmj.txt")) == .readable(.plainText))
    }

    @Test("formats not read yet are named, unknown content is refused")
    func others() {
        #expect(FormatDetector.detect(prefix: Array("\u{FEFF}TY  - JOUR\nAU  - Smith, J\nER  - \n".utf8)) == .notYetSupported("RIS"))
        #expect(FormatDetector.detect(prefix: Array("PMID- 12345\nTI  - A title\n".utf8)) == .notYetSupported("MEDLINE/nbib tagged text"))
        #expect(FormatDetector.detect(prefix: Array("@article{key,\n title={X}}\n".utf8)) == .notYetSupported("BibTeX"))
        #expect(FormatDetector.detect(prefix: Array("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">".utf8)) == .notYetSupported("GROBID TEI XML"))
        #expect(FormatDetector.detect(prefix: Array("<?xml version=\"1.0\"?><svg></svg>".utf8)) == .unknown("XML whose root element <svg> is not PubMed or JATS"))
        #expect(FormatDetector.detect(prefix: [0x89, 0x50, 0x4E, 0x47, 0x00]) == .unknown("binary content"))
        #expect(FormatDetector.detect(prefix: []) == .unknown("the file is empty"))
    }

    @Test("a DOCTYPE with an internal subset does not hide the root")
    func doctypeSubset() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY x \"<y>\">]>\n<PubmedArticleSet>"
        #expect(FormatDetector.detect(prefix: Array(xml.utf8)) == .readable(.pubmedXML))
    }
}
