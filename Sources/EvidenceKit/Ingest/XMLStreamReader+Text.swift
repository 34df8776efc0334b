/// Flattening of mixed content (titles, abstract sections, paragraphs) into plain text.
///
/// Publishers disagree on spacing around inline markup: PubMed writes both
/// `the <i>TERT</i> gene` and `the<i>TERT</i>gene` for the same title. Style elements
/// (italic, bold, ...) are therefore word boundaries when letters touch them on both sides,
/// while sub- and superscripts glue (`H<sub>2</sub>O` stays `H2O`), and MathML is read as
/// its tokens without the layout whitespace inside it.
extension XMLStreamReader {
    /// Style elements whose edges separate words when letters touch them on both sides.
    static let styleElements: Set<String> = [
        "i", "b", "u", "em", "strong", "italic", "bold", "underline", "sc", "monospace",
        "roman", "sans-serif", "overline", "strike", "styled-content", "named-content",
    ]

    /// Reads the current element up to its end and returns its text with inline markup
    /// flattened and whitespace collapsed. Elements named in `skipping` are left out with
    /// their content (a JATS `fn` or `table-wrap` inside a paragraph). `nested` may take
    /// over a child element outside math (a list or figure inside a JATS paragraph, read as
    /// blocks of its own): it reads the element and returns true, or returns false to leave
    /// it to the flattener; a taken element separates words. The reader ends on the
    /// element's end tag.
    func readFlattenedText(skipping: Set<String> = [], nested: ((String) throws -> Bool)? = nil) throws -> String {
        var collector = TextCollector()
        guard nodeType == .element, !isEmptyElement else { return "" }
        let startDepth = depth
        var mathDepth: Int?
        while try read() {
            switch nodeType {
            case .element:
                let name = localName
                if skipping.contains(name) {
                    try skipElement()
                    collector.markBoundary()
                } else if mathDepth == nil, let nested, try nested(name) {
                    collector.markBoundary()
                } else if mathDepth == nil, name == "math" {
                    if !isEmptyElement { mathDepth = depth }
                    collector.markBoundary()
                } else if XMLStreamReader.styleElements.contains(name) {
                    collector.markBoundary()
                } else if name == "break" || name == "br" {
                    collector.append(" ")
                } else {
                    collector.clearBoundary()
                }
            case .endElement:
                if depth == startDepth { return collector.text }
                if let level = mathDepth, depth == level {
                    mathDepth = nil
                    collector.markBoundary()
                } else if XMLStreamReader.styleElements.contains(localName) {
                    collector.markBoundary()
                }
            case .text:
                if mathDepth != nil {
                    collector.append(value.filter { !$0.isWhitespace })
                } else {
                    collector.append(value)
                }
            case .whitespace:
                if mathDepth == nil { collector.append(" ") }
            case .entityReference, .other:
                continue
            }
        }
        throw malformed("the document ends inside <\(qualifiedName)>")
    }
}

/// Accumulates text and collapses whitespace, inserting a space at a style boundary only
/// where two words would otherwise run together.
struct TextCollector {
    private var scalars = String.UnicodeScalarView()
    private var pendingBoundary = false
    private var lastWasSpace = true

    mutating func markBoundary() { pendingBoundary = true }
    mutating func clearBoundary() { pendingBoundary = false }

    mutating func append(_ piece: String) {
        for scalar in piece.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                pendingBoundary = false
                continue
            }
            if pendingBoundary, !lastWasSpace, let last = scalars.last, TextCollector.needsSpace(between: last, and: scalar) {
                scalars.append(" ")
            }
            pendingBoundary = false
            scalars.append(scalar)
            lastWasSpace = false
        }
    }

    /// The collected text without leading or trailing spaces.
    var text: String {
        var result = scalars
        while result.last == " " { result.removeLast() }
        return String(result)
    }

    /// Whether a style edge between these two characters separates words: a word and a
    /// word (`the<i>TERT</i>gene`), a word and an opening bracket (`<i>TERT</i>(linkage`),
    /// or a clause mark or closing bracket and a word (`region,<i>TERT</i>`); never around
    /// other punctuation (`|<i>s</i>|`, `(<i>TERT</i>)`).
    static func needsSpace(between last: Unicode.Scalar, and next: Unicode.Scalar) -> Bool {
        if isWordScalar(last) { return isWordScalar(next) || "([{".unicodeScalars.contains(next) }
        return ",;:)]}".unicodeScalars.contains(last) && isWordScalar(next)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
