import Foundation
import Testing

@testable import EvidenceKit

@Suite("XML stream reader")
struct XMLStreamReaderTests {
    private func write(_ text: String, in directory: URL, name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("an external entity is never expanded into the text")
    func externalEntityStaysUnexpanded() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = try write("TOP-SECRET-CONTENT", in: directory, name: "secret.txt")
        let path = try write(
            """
            <?xml version="1.0"?>
            <!DOCTYPE a [<!ENTITY xxe SYSTEM "file://\(secret)">]>
            <a>before &xxe; after</a>
            """, in: directory, name: "xxe.xml")
        let reader = try XMLStreamReader(path: path)
        var text = ""
        while try reader.read() {
            if reader.nodeType == .text { text += reader.value }
        }
        #expect(!text.contains("TOP-SECRET"))
    }

    @Test("an entity-expansion bomb fails fast as unsafe")
    func billionLaughsIsRefused() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            let previous = "&lol\(level - 1);"
            entities += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">"
        }
        let path = try write(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\(entities)]>\n<a>&lol9;</a>\n",
            in: directory, name: "bomb.xml")
        let reader = try XMLStreamReader(path: path)
        #expect(throws: IngestError.self) {
            while try reader.read() {}
        }
    }

    @Test("a file that is not well-formed reports its line")
    func malformedReportsLine() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write("<a>\n<b>\n</a>\n", in: directory, name: "bad.xml")
        let reader = try XMLStreamReader(path: path)
        do {
            while try reader.read() {}
            Issue.record("expected an error")
        } catch let error as IngestError {
            guard case .malformed(let errorPath, let line, _) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(line == 3)
        }
    }
}

@Suite("Flattening inline markup")
struct FlattenedTextTests {
    private func flatten(_ xml: String) throws -> String {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("t.xml")
        try xml.write(to: url, atomically: true, encoding: .utf8)
        let reader = try XMLStreamReader(path: url.path)
        _ = try reader.read()
        return try reader.readFlattenedText(skipping: ["fn"])
    }

    @Test("italics without surrounding spaces still separate words")
    func italicsAreWordBoundaries() throws {
        #expect(try flatten("<t>variants at the<i>TERT</i>gene region</t>") == "variants at the TERT gene region")
        #expect(try flatten("<t>variants at the <i>TERT</i> gene region</t>") == "variants at the TERT gene region")
        #expect(try flatten("<t>SNPs at<i>TERT</i>(linkage disequilibrium),<i>r</i>=0.9</t>") == "SNPs at TERT (linkage disequilibrium), r=0.9")
        #expect(try flatten("<t>the gene (<i>TERT</i>) region</t>") == "the gene (TERT) region")
    }

    @Test("subscripts and superscripts glue to their word")
    func scriptsGlue() throws {
        #expect(try flatten("<t>H<sub>2</sub>O and Ca<sup>2+</sup>-activated</t>") == "H2O and Ca2+-activated")
        #expect(try flatten("<t>the <italic>i</italic><sup>th</sup> symbol of |<italic>s</italic>|</t>") == "the ith symbol of |s|")
    }

    @Test("MathML reads as its tokens and whitespace collapses")
    func mathAndWhitespace() throws {
        let xml = "<t>with <mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\">\n  <mml:mi>p</mml:mi>\n  <mml:mo>&lt;</mml:mo>\n <mml:mn>0.05</mml:mn></mml:math>\n\t overall</t>"
        #expect(try flatten(xml) == "with p<0.05 overall")
    }

    @Test("skipped elements leave no text behind")
    func skipping() throws {
        #expect(try flatten("<t>Main text<fn><p>a footnote</p></fn> goes on.</t>") == "Main text goes on.")
    }
}
