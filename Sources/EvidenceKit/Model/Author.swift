/// A person or a group credited as an author of a source.
///
/// Bibliographic formats disagree on how names are split, so the model keeps the parts
/// that citation styles need: the family name and initials for a person (`Pannick S`),
/// or the whole name of a group author (`Canadian Respiratory Research Network`), which
/// must never be abbreviated.
public struct Author: Hashable, Codable, Sendable {
    /// Family name of a person; `nil` for a group author.
    public var family: String?
    /// Given names as written in the source, when it has them.
    public var given: String?
    /// Initials without dots or spaces (`SN`); derived from `given` when the source has none.
    public var initials: String?
    /// Name of a group author (PubMed `CollectiveName`, JATS `collab`).
    public var collective: String?

    public init(family: String?, given: String? = nil, initials: String? = nil, collective: String? = nil) {
        self.family = family
        self.given = given
        self.initials = initials ?? given.map(Author.initials(of:))
        self.collective = collective
    }

    /// A group author, cited by its whole name.
    public static func group(_ name: String) -> Author {
        Author(family: nil, collective: name)
    }

    /// Whether this is a group rather than a person.
    public var isGroup: Bool { collective != nil && family == nil }

    /// "Family Initials" (`Pannick S`), or the group's name; the form PubMed and Vancouver use.
    public var display: String {
        if let collective, family == nil { return collective }
        let family = self.family ?? ""
        guard let initials, !initials.isEmpty else { return family }
        return family.isEmpty ? initials : "\(family) \(initials)"
    }

    /// Initials of given names: "Samuel" gives "S", "Jean-Paul" gives "JP", "M. A." gives "MA".
    public static func initials(of given: String) -> String {
        var result = ""
        var atWordStart = true
        for character in given {
            if character.isLetter {
                if atWordStart { result.append(contentsOf: character.uppercased()) }
                atWordStart = false
            } else {
                atWordStart = true
            }
        }
        return result
    }
}
