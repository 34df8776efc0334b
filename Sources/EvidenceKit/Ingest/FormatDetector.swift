import CZlib

/// What a file holds, decided from its first bytes (inflated when gzip-compressed), never
/// from its name: researchers rename exports freely.
public enum DetectedFormat: Equatable, Sendable {
    /// A format `evidence` reads.
    case readable(SourceFormat)
    /// A bibliographic format recognised but not read yet (RIS, BibTeX, ...).
    case notYetSupported(String)
    /// Not a literature file `evidence` knows.
    case unknown(String)
}

/// Sniffs the format of a file.
public enum FormatDetector {
    /// How much of the file (after decompression) is inspected.
    static let prefixLength = 32 * 1024

    public static func detect(path: String) throws -> DetectedFormat {
        detect(prefix: try readPrefix(of: path))
    }

    /// Decides the format from the first bytes of a file.
    public static func detect(prefix bytes: [UInt8]) -> DetectedFormat {
        if bytes.isEmpty { return .unknown("the file is empty") }
        if bytes.contains(0) { return .unknown("binary content") }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("<") { return detectXML(trimmed) }
        return detectText(trimmed)
    }

    private static let pubmedRoots: Set<String> = [
        "PubmedArticleSet", "MedlineCitationSet", "PubmedArticle", "MedlineCitation",
        "PubmedBookArticle", "PubmedBookArticleSet", "DeleteCitation",
    ]

    private static func detectXML(_ text: String) -> DetectedFormat {
        let names = elementNames(in: text, limit: 12)
        guard let root = names.first else { return .unknown("XML without a root element") }
        if pubmedRoots.contains(root) { return .readable(.pubmedXML) }
        if root == "article" { return .readable(.jats) }
        if root == "TEI" || root == "teiCorpus" { return .notYetSupported("GROBID TEI XML") }
        if root == "xml", names.contains("records") || names.contains("record") {
            return .notYetSupported("EndNote XML")
        }
        if names.dropFirst().contains(where: pubmedRoots.contains) { return .readable(.pubmedXML) }
        if names.dropFirst().contains("article") { return .readable(.jats) }
        return .unknown("XML whose root element <\(root)> is not PubMed or JATS")
    }

    /// Local names of the first `limit` start tags, skipping declarations, comments,
    /// processing instructions and the DOCTYPE (with its internal subset).
    static func elementNames(in text: String, limit: Int) -> [String] {
        var names: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var bracketDepth = 0
        while index < scalars.count, names.count < limit {
            let scalar = scalars[index]
            if scalar == "[" { bracketDepth += 1 }
            if scalar == "]" { bracketDepth = max(0, bracketDepth - 1) }
            guard scalar == "<", bracketDepth == 0, index + 1 < scalars.count else {
                index += 1
                continue
            }
            let next = scalars[index + 1]
            guard next.properties.isAlphabetic || next == "_" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count,
                !(scalars[end].properties.isWhitespace || scalars[end] == ">" || scalars[end] == "/")
            {
                end += 1
            }
            var name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            names.append(name)
            index = end
        }
        return names
    }

    private static func detectText(_ text: String) -> DetectedFormat {
        let lines = text.split(whereSeparator: \.isNewline).prefix(40).map { String($0) }
        if lines.contains(where: { $0.hasPrefix("TY  -") }) { return .notYetSupported("RIS") }
        if lines.contains(where: { $0.hasPrefix("PMID-") || $0.hasPrefix("PMID -") }) {
            return .notYetSupported("MEDLINE/nbib tagged text")
        }
        if text.hasPrefix("@"), lines.first?.contains("{") == true { return .notYetSupported("BibTeX") }
        if text.hasPrefix("# ") || text.hasPrefix("## ") { return .unknown("Markdown, not a literature record") }
        return .readable(.plainText)
    }

    private static func readPrefix(of path: String) throws -> [UInt8] {
        guard let gz = gzopen(path, "rb") else {
            throw IngestError.unreadable(path: path, reason: "the file cannot be opened")
        }
        defer { gzclose(gz) }
        var buffer = [UInt8](repeating: 0, count: prefixLength)
        let count = buffer.withUnsafeMutableBytes { raw in
            gzread(gz, raw.baseAddress, UInt32(prefixLength))
        }
        if count < 0 {
            throw IngestError.unreadable(path: path, reason: "the gzip data is corrupt")
        }
        return Array(buffer.prefix(Int(count)))
    }
}
