import CLibXML2

/// A fixed set of element names looked up by their UTF-8 bytes.
///
/// A baseline PubMed file has tens of millions of nodes; building a Swift `String` for every
/// node name only to compare it costs more than libxml2's own parsing. The table hashes
/// libxml2's NUL-terminated name in place and answers with the name's position in the list
/// it was built from, without allocating.
struct ElementNameTable: Sendable {
    private let mask: Int
    private let slots: [Int32]
    private let hashes: [UInt32]
    private let starts: [Int]
    private let lengths: [Int]
    private let storage: [UInt8]

    /// A table answering `names.firstIndex(of:)` for each name in `names`.
    init(_ names: [String]) {
        var capacity = 8
        while capacity < names.count * 4 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes: [UInt32] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        var storage: [UInt8] = []
        for (index, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            let hash = ElementNameTable.hash(bytes)
            hashes.append(hash)
            starts.append(storage.count)
            lengths.append(bytes.count)
            storage.append(contentsOf: bytes)
            var slot = Int(hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index)
        }
        self.mask = capacity - 1
        self.slots = slots
        self.hashes = hashes
        self.starts = starts
        self.lengths = lengths
        self.storage = storage
    }

    /// The position of the NUL-terminated UTF-8 `name` in the table's list, or nil.
    func index(of name: UnsafePointer<UInt8>) -> Int? {
        var hash: UInt32 = 2_166_136_261
        var length = 0
        while name[length] != 0 {
            hash = (hash ^ UInt32(name[length])) &* 16_777_619
            length += 1
        }
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash, lengths[entry] == length, matches(entry, name, length) {
                return entry
            }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ entry: Int, _ name: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let start = starts[entry]
        for offset in 0..<length where storage[start + offset] != name[offset] { return false }
        return true
    }

    private static func hash(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}

/// Allocation-free primitives for parsers that walk large files: name dispatch through an
/// `ElementNameTable`, subtree skipping inside libxml2, and leaf text without markup handling.
extension XMLStreamReader {
    /// Whether the current node is an element's start tag.
    var isElementStart: Bool {
        xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue)
    }

    /// Whether the current node is an element's end tag.
    var isElementEnd: Bool {
        xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
    }

    /// The current node's nesting depth as libxml2 reports it (root element at 0).
    var rawDepth: Int32 { xmlTextReaderDepth(reader) }

    /// The position of the current node's local name in `table`, or nil when it is not there.
    func localNameIndex(in table: ElementNameTable) -> Int? {
        guard let name = xmlTextReaderConstLocalName(reader) else { return nil }
        return table.index(of: name)
    }

    /// Whether the current element's attribute `name` has exactly the value `expected`.
    func attribute(_ name: String, is expected: String) -> Bool {
        guard let raw = xmlTextReaderGetAttribute(reader, name) else { return false }
        defer { evidence_xml_free(raw) }
        var offset = 0
        for byte in expected.utf8 {
            if raw[offset] != byte { return false }
            offset += 1
        }
        return raw[offset] == 0
    }

    /// Moves past the current element and its whole subtree in one libxml2 call; the reader
    /// then stands on the node that follows. Returns false when the document ended.
    func skipSubtree() throws -> Bool {
        let status = xmlTextReaderNext(reader)
        if status == 1 { return true }
        if status == 0 { return false }
        throw makeError()
    }

    /// Reads the current element up to its end and returns its text content with whitespace
    /// collapsed and trimmed. Child tags are dropped without adding word boundaries, so this is
    /// for fields that carry no inline markup (ids, dates, names, pages); use
    /// `readFlattenedText` for titles and prose. The reader ends on the element's end tag.
    func readLeafText() throws -> String {
        guard isElementStart, !isEmptyElement else { return "" }
        let startDepth = rawDepth
        var text = ""
        while try read() {
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                if rawDepth == startDepth { return XMLStreamReader.collapsingWhitespace(text) }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                if let value = xmlTextReaderConstValue(reader) {
                    if text.isEmpty {
                        text = String(cString: value)
                    } else {
                        text += String(cString: value)
                    }
                }
            default:
                continue
            }
        }
        throw malformed("the document ends inside <\(qualifiedName)>")
    }

    /// The same text as `readFlattenedText()`, without its per-character work in the common
    /// case: an element holding a single text node is collapsed byte-wise, Unicode white space
    /// (U+00A0, U+2009, ...) included, as `TextCollector` does. Elements with inline markup or
    /// MathML go through `readFlattenedText()`. The reader ends on the element's end tag.
    func readProse() throws -> String {
        guard isElementStart, !isEmptyElement, let element = xmlTextReaderExpand(reader),
            let child = element.pointee.children, child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content
        else {
            return try readFlattenedText()
        }
        let (length, hasUnicodeWhitespace) = XMLStreamReader.scan(content)
        let bytes = UnsafeBufferPointer(start: content, count: length)
        let text =
            hasUnicodeWhitespace
            ? XMLStreamReader.collapsingUnicodeWhitespace(bytes) : XMLStreamReader.collapsingWhitespace(bytes)
        let startDepth = rawDepth
        while try read() {
            if isElementEnd, rawDepth == startDepth { return text }
        }
        throw malformed("the document ends inside <\(qualifiedName)>")
    }

    /// The length of NUL-terminated UTF-8 `bytes`, and whether they hold a white-space
    /// character outside ASCII.
    static func scan(_ bytes: UnsafePointer<UInt8>) -> (length: Int, hasUnicodeWhitespace: Bool) {
        var index = 0
        var found = false
        while true {
            let byte = bytes[index]
            if byte == 0 { return (index, found) }
            if byte >= 0xC2, !found {
                found = unicodeWhitespaceLength(UnsafeBufferPointer(start: bytes + index, count: 3)) > 0
            }
            index += 1
        }
    }

    /// The byte length of the white-space character outside ASCII that `bytes` start with
    /// (U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or 0.
    /// `bytes` must be valid UTF-8 or NUL-terminated within their count.
    private static func unicodeWhitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count >= 2 else { return 0 }
        let first = bytes[0]
        let second = bytes[1]
        if first == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard bytes.count >= 3, first >= 0xE1, first <= 0xE3, second != 0 else { return 0 }
        let third = bytes[2]
        switch first {
        case 0xE1:
            return second == 0x9A && third == 0x80 ? 3 : 0
        case 0xE2:
            let isSpace =
                (second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF))
                || (second == 0x81 && third == 0x9F)
            return isSpace ? 3 : 0
        default:
            return second == 0x80 && third == 0x80 ? 3 : 0
        }
    }

    /// UTF-8 `bytes` as a string, with all Unicode white space collapsed to single spaces and
    /// trimmed, as `TextCollector` does for text without markup.
    static func collapsingUnicodeWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var spaceLength = isASCIISpace(byte) ? 1 : 0
            if byte >= 0xC2 {
                spaceLength = unicodeWhitespaceLength(UnsafeBufferPointer(rebasing: bytes[index...]))
            }
            if spaceLength > 0 {
                pendingSpace = !collapsed.isEmpty
                index += spaceLength
                continue
            }
            if pendingSpace { collapsed.append(0x20) }
            pendingSpace = false
            collapsed.append(byte)
            index += 1
        }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// The line where the current element starts, for errors about a whole record. libxml2
    /// keeps node lines in 16 bits, so past line 65,534 this falls back to the parser's line.
    var elementLine: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = xmlGetLineNo(node)
            if line > 0, line < 65_535 { return Int(line) }
        }
        return line
    }

    /// `text` with runs of ASCII whitespace (tab to carriage return, space) collapsed to one
    /// space and the ends trimmed; `text` itself, without copying, when there is nothing to change.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { isCollapsed($0) ? nil : collapsingWhitespace($0) } ?? text
    }

    /// UTF-8 `bytes` as a string, with ASCII whitespace collapsed and trimmed.
    static func collapsingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isCollapsed(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isASCIISpace(byte) {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(0x20) }
                pendingSpace = false
                collapsed.append(byte)
            }
        }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// Whether `bytes` have no leading, trailing or repeated whitespace and no whitespace but spaces.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        for byte in bytes {
            let isSpace = isASCIISpace(byte)
            if isSpace, previousWasSpace || byte != 0x20 { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace || bytes.isEmpty
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
