/// Reads author names as plain-text pages and headers write them: Vancouver ("Pannick S,
/// Sevdalis N"), full names ("Lianne Jeffs, Alyssa Indar"), inverted names with `;`
/// ("Pannick, Samuel; Sevdalis, Nick"), and group authors, which are never abbreviated.
enum AuthorNames {
    /// The authors of a list; `;` separates names when present, `,` otherwise. `incomplete`
    /// tells whether the list ends in "et al.", which is not a name but must be cited.
    static func parseList(_ value: Substring) -> (authors: [Author], incomplete: Bool) {
        let separator: Character = value.contains(";") ? ";" : ","
        let names = value.split(separator: separator)
        let incomplete = names.last.map { isEtAl($0.trimmingSpaces) } ?? false
        return (names.compactMap { parse($0, inverted: separator == ";") }, incomplete)
    }

    static func isEtAl(_ name: Substring) -> Bool {
        let lowered = name.lowercased()
        return lowered == "et al" || lowered == "et al."
    }

    /// One name. With `inverted`, "Family, Given" is accepted.
    static func parse(_ raw: Substring, inverted: Bool = false) -> Author? {
        let name = raw.trimmingSpaces
        guard !name.isEmpty, !isEtAl(name) else { return nil }
        if isGroup(name) { return .group(String(name)) }
        if inverted, let comma = name.firstIndex(of: ",") {
            let family = name[..<comma].trimmingSpaces
            let given = name[name.index(after: comma)...].trimmingSpaces
            return Author(family: String(family), given: given.isEmpty ? nil : String(given))
        }
        var words = name.split(separator: " ").map(String.init)
        guard words.count > 1, let last = words.last else { return Author(family: String(name)) }
        if isInitials(last) {
            // Vancouver: "Pannick S", "van der Berg JA".
            words.removeLast()
            return Author(family: words.joined(separator: " "), initials: last.filter { $0 != "." })
        }
        // Full name: family name from the first lower-case particle ("Ludwig van Beethoven"),
        // otherwise the last word.
        var familyStart = words.count - 1
        if let particle = words.indices.dropFirst().first(where: { particles.contains(words[$0]) }) {
            familyStart = particle
        }
        let given = words[..<familyStart].joined(separator: " ")
        return Author(family: words[familyStart...].joined(separator: " "), given: given)
    }

    /// "S", "SN", "J.A.": the initials of a Vancouver name, in capitals, at most four.
    static func isInitials(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0 != "." }
        return (1...4).contains(letters.count) && letters.allSatisfy(ScalarClass.isUpper)
    }

    /// A group author: a name with an organisation word ("Network", "Group") or too long for a person.
    static func isGroup(_ name: Substring) -> Bool {
        let words = name.split(separator: " ")
        return words.count > 7 || words.contains { groupWords.contains($0.lowercased()) }
    }

    static let particles: Set<String> = ["van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "le", "la", "dos", "das", "ten", "ter", "bin", "al"]
    static let groupWords: Set<String> = [
        "group", "network", "consortium", "collaboration", "collaborative", "committee", "investigators",
        "society", "association", "team", "panel", "council", "institute", "foundation", "organization",
        "organisation", "study", "trialists", "working",
    ]
}

extension Substring {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !ScalarClass.isSpace($0) }),
            let last = scalars.lastIndex(where: { !ScalarClass.isSpace($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }
}
