/// One word of a compiled term: the bytes it must equal (or start with, for `manag*`).
struct TokenPattern: Hashable {
    /// Lower-cased bytes; what the automaton matches.
    var key: [UInt8]
    /// Bytes as written; compared when the rule is case-sensitive.
    var original: [UInt8]
    var isPrefix: Bool
}

/// Why a term can never match, in words a researcher understands.
enum TermProblem: Error, Equatable {
    case empty
    case noWords
    case misplacedWildcard
    case loneWildcard

    var message: String {
        switch self {
        case .empty: return "the term is empty, so it can never match"
        case .noWords: return "the term has no letters or digits after normalisation, so it can never match"
        case .misplacedWildcard: return "`*` is allowed only at the end of a word (`manag*`)"
        case .loneWildcard: return "a lone `*` would match every word; give at least one letter before it"
        }
    }
}

/// Turns a codebook term into the word sequences it stands for.
///
/// A hyphen means "hyphen, space or nothing": `front-line` gives `front line` and `frontline`
/// (and text `front-line` is cut into `front line`). British and American spellings are
/// folded: `organisation`/`organization`, `analyse`/`analyze`, `behaviour`/`behavior` and the
/// pairs in `spellingPairs` plus the codebook's own `spellings`.
struct TermCompiler {
    var extraSpellings: [(String, String)] = []

    static let spellingPairs: [(String, String)] = [
        ("behaviour", "behavior"), ("colour", "color"), ("favour", "favor"), ("honour", "honor"),
        ("labour", "labor"), ("rumour", "rumor"), ("endeavour", "endeavor"), ("centre", "center"),
        ("programme", "program"), ("paediatric", "pediatric"), ("anaesthe", "anesthe"),
        ("haem", "hem"), ("oedema", "edema"), ("judgement", "judgment"), ("ageing", "aging"),
        ("modelling", "modeling"), ("counsell", "counsel"), ("travell", "travel"),
        ("sceptic", "skeptic"), ("fulfil", "fulfill"), ("enrol", "enroll"), ("licence", "license"),
        ("defence", "defense"), ("offence", "offense"), ("manoeuvre", "maneuver"), ("tumour", "tumor"),
    ]

    /// Endings after which `is`/`iz` and `ys`/`yz` alternate (`organis|ation`, `analys|e`).
    static let zEndings: Set<String> = ["e", "ed", "es", "ing", "ation", "ations", "ational", "er", "ers"]
    /// The same for wildcard prefixes, which may stop part-way (`organis*`, `prioritisa*`).
    static let zPrefixEndings: Set<String> = ["", "e", "a", "at", "ati", "atio", "ation", "i", "in", "ing", "ed", "er"]

    /// The word sequences of `term`; several when it has hyphens or spelling variants.
    func compile(_ term: String, caseSensitive: Bool) throws(TermProblem) -> [[TokenPattern]] {
        let trimmed = term.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        if trimmed.isEmpty { throw .empty }
        // Each written word becomes a list of alternatives, each alternative a token list.
        var perWord: [[[TokenPattern]]] = []
        for written in trimmed {
            let parts = written.split(whereSeparator: { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" })
            var splitTokens: [TokenPattern] = []
            for part in parts { splitTokens += try tokens(of: String(part)) }
            if splitTokens.isEmpty { continue }
            var alternatives: [[TokenPattern]] = [splitTokens]
            if parts.count > 1 {
                let joined = try tokens(of: parts.joined())
                if joined.count == 1 && joined != splitTokens { alternatives.append(joined) }
            }
            perWord.append(alternatives)
        }
        if perWord.isEmpty { throw .noWords }
        var sequences: [[TokenPattern]] = [[]]
        for alternatives in perWord {
            var next: [[TokenPattern]] = []
            for prefix in sequences {
                for alternative in alternatives { next.append(prefix + alternative) }
            }
            sequences = Array(next.prefix(16))
        }
        // Spelling variants, token by token.
        var result: [[TokenPattern]] = []
        var seen = Set<[TokenPattern]>()
        for sequence in sequences {
            var expanded: [[TokenPattern]] = [[]]
            for token in sequence {
                let variants = caseSensitive ? [token] : spellingVariants(of: token)
                var next: [[TokenPattern]] = []
                for prefix in expanded {
                    for variant in variants { next.append(prefix + [variant]) }
                }
                expanded = Array(next.prefix(16))
            }
            for candidate in expanded where seen.insert(candidate).inserted { result.append(candidate) }
        }
        return result
    }

    /// Cuts one hyphen-free part into tokens, handling a trailing `*`.
    private func tokens(of part: String) throws(TermProblem) -> [TokenPattern] {
        var bytes = Array(part.utf8)
        var isPrefix = false
        if let star = bytes.firstIndex(of: UInt8(ascii: "*")) {
            if star != bytes.count - 1 { throw .misplacedWildcard }
            bytes.removeLast()
            isPrefix = true
            if bytes.isEmpty { throw .loneWildcard }
        }
        let words = TextScanner.words(bytes)
        if isPrefix, let last = words.last, last.byteEnd != bytes.count { throw .misplacedWildcard }
        if isPrefix && words.isEmpty { throw .loneWildcard }
        return words.enumerated().map { index, word in
            let original = Array(bytes[word.byteStart..<word.byteEnd])
            return TokenPattern(
                key: original.map { TextScanner.lower[Int($0)] }, original: original,
                isPrefix: isPrefix && index == words.count - 1)
        }
    }

    /// The token itself and its other spellings.
    func spellingVariants(of token: TokenPattern) -> [TokenPattern] {
        let text = String(decoding: token.key, as: UTF8.self)
        var variants: [String] = [text]
        func add(_ candidate: String) {
            if !variants.contains(candidate) { variants.append(candidate) }
        }
        for (british, american) in Self.spellingPairs + extraSpellings {
            for current in variants {
                if current.contains(british) { add(current.replacingAll(british, with: american)) }
                if current.contains(american) && !current.contains(british) {
                    add(current.replacingAll(american, with: british))
                }
            }
        }
        for current in variants { for alternative in zVariants(of: current, isPrefix: token.isPrefix) { add(alternative) } }
        return variants.map { TokenPattern(key: Array($0.utf8), original: Array($0.utf8), isPrefix: token.isPrefix) }
    }

    /// `organisation` ⇄ `organization`, `analyse` ⇄ `analyze`.
    private func zVariants(of word: String, isPrefix: Bool) -> [String] {
        let scalars = Array(word.unicodeScalars)
        let endings = isPrefix ? Self.zPrefixEndings : Self.zEndings
        var result: [String] = []
        var i = scalars.count - 2
        while i >= 3 {
            let first = scalars[i], second = scalars[i + 1]
            if (first == "i" || first == "y") && (second == "s" || second == "z") {
                let ending = String(String.UnicodeScalarView(scalars[(i + 2)...]))
                if endings.contains(ending) {
                    var swapped = scalars
                    swapped[i + 1] = second == "s" ? "z" : "s"
                    result.append(String(String.UnicodeScalarView(swapped)))
                }
                break
            }
            i -= 1
        }
        return result
    }
}

extension String {
    /// Replaces every occurrence of `target` (plain substring, no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
