/// The input formats `evidence` reads, detected from a file's content.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case pubmedXML = "pubmed-xml"
    case jats = "jats"
    case plainText = "plain-text"
}
