/// What part of a paper a passage comes from. Reports treat them differently: a title is
/// not a finding, and a caption is only weak evidence.
public enum PassageKind: String, Codable, Sendable, CaseIterable {
    case title
    case abstract
    case body
    case caption
}
