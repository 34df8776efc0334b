import CLibXML2
import CZlib
import Foundation

/// A pull reader over an XML file (plain or gzip-compressed) built on libxml2's
/// `xmlTextReader`, so that a 200 MB baseline file is read in constant memory.
///
/// It is configured for untrusted input: no network (`XML_PARSE_NONET`), no DTD loading
/// and no entity substitution, so an external entity stays an unexpanded reference and never
/// pulls a local file into the corpus; an entity-expansion loop stops the parse with an
/// error. Errors are reported as `IngestError` with the file's path and line.
final class XMLStreamReader {
    /// The node kinds the parsers care about; everything else is `.other`.
    enum NodeType: Equatable {
        case element, endElement, text, whitespace, entityReference, other
    }

    let path: String
    /// libxml2's reader; internal so that fast-path extensions (`XMLStreamReader+Names`) can use it.
    let reader: xmlTextReaderPtr
    private let errors: ErrorSink
    private let input: Input

    /// Opens `path`; gzip content is inflated transparently (by zlib, whatever libxml2's version).
    init(path: String) throws {
        guard let gz = gzopen(path, "rb") else {
            throw IngestError.unreadable(path: path, reason: "the file cannot be opened")
        }
        gzbuffer(gz, 1 << 17)
        let input = Input(gz: gz, progress: ReadProgress.current)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard
            let reader = xmlReaderForIO(
                XMLStreamReader.readCallback, XMLStreamReader.closeCallback,
                Unmanaged.passUnretained(input).toOpaque(), path, nil, options)
        else {
            gzclose(gz)
            throw IngestError.unreadable(path: path, reason: "libxml2 could not start a reader")
        }
        self.input = input
        self.path = path
        self.reader = reader
        self.errors = ErrorSink()
        xmlTextReaderSetStructuredErrorHandler(
            reader, XMLStreamReader.errorCallback, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Moves to the next node. Returns false at the end of the document; throws when the
    /// document is not well-formed or refused for safety.
    func read() throws -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 1 { return true }
        if status == 0, errors.first == nil { return false }
        throw makeError()
    }

    var nodeType: NodeType {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue): return .text
        case Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue),
            Int32(XML_READER_TYPE_WHITESPACE.rawValue):
            return .whitespace
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue): return .entityReference
        default: return .other
        }
    }

    /// The element's name without its namespace prefix (`math` for `mml:math`).
    var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The element's name as written, prefix included (`mml:math`).
    var qualifiedName: String {
        xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
    }

    /// Nesting depth of the current node; the root element is at 0.
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Whether the current element is written `<x/>`: no end-element event follows it.
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The text of a text or whitespace node.
    var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// The line of the current node in the file (1-based), for error messages.
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The value of the current element's attribute `name` (unprefixed), if present.
    func attribute(_ name: String) -> String? {
        guard let raw = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { evidence_xml_free(raw) }
        return String(cString: raw)
    }

    /// The value of a namespaced attribute such as `xlink:href`.
    func attribute(_ localName: String, namespace: String) -> String? {
        guard let raw = xmlTextReaderGetAttributeNs(reader, localName, namespace) else { return nil }
        defer { evidence_xml_free(raw) }
        return String(cString: raw)
    }

    /// Skips the current element's subtree; the reader then stands on its end (or on the
    /// element itself when it is empty).
    func skipElement() throws {
        guard nodeType == .element, !isEmptyElement else { return }
        let startDepth = depth
        while try read() {
            if nodeType == .endElement, depth == startDepth { return }
        }
    }

    /// A parse error with the line libxml2 reports, classified as unsafe when libxml2
    /// stopped an entity-expansion loop or amplification.
    func makeError() -> IngestError {
        let message = errors.first?.message ?? "the XML parser stopped"
        let line = errors.first?.line ?? self.line
        let lowered = message.lowercased()
        if lowered.contains("entity") && (lowered.contains("loop") || lowered.contains("amplification")) {
            return .unsafe(path: path, line: line, reason: "entity expansion: \(message)")
        }
        return .malformed(path: path, line: line, reason: message)
    }

    /// A malformed-file error at the reader's current line.
    func malformed(_ reason: String) -> IngestError {
        .malformed(path: path, line: line, reason: reason)
    }

    private final class ErrorSink {
        var first: (message: String, line: Int)?
    }

    /// The gzip stream libxml2 pulls from, and the progress counter it feeds.
    private final class Input {
        let gz: gzFile
        let progress: ReadProgress?
        var closed = false

        init(gz: gzFile, progress: ReadProgress?) {
            self.gz = gz
            self.progress = progress
        }
    }

    private static let readCallback: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer else { return -1 }
        let input = Unmanaged<Input>.fromOpaque(context).takeUnretainedValue()
        let count = gzread(input.gz, buffer, UInt32(max(0, length)))
        if let progress = input.progress { progress.bytesRead = Int(gzoffset(input.gz)) }
        return count
    }

    private static let closeCallback: xmlInputCloseCallback = { context in
        guard let context else { return 0 }
        let input = Unmanaged<Input>.fromOpaque(context).takeUnretainedValue()
        guard !input.closed else { return 0 }
        input.closed = true
        return gzclose(input.gz) == Z_OK ? 0 : -1
    }

    private static let errorCallback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
        let level = error.pointee.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL, sink.first == nil else { return }
        let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
        let message = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        sink.first = (message, Int(error.pointee.line))
    }
}
