import Foundation

extension Codebook {
    /// Parses a codebook from YAML text; `origin` names it in messages (a path or
    /// `built-in default`). Throws `CodebookError.invalid` listing every error.
    public init(yaml: String, origin: String = "<string>") throws(CodebookError) {
        var parser = CodebookParser(file: origin)
        let parsed = parser.parse(yaml, hash: SHA256.hex(yaml.utf8))
        guard let parsed else { throw .invalid(parser.diagnostics) }
        self = parsed
    }

    /// Reads and parses the codebook at `path`.
    public static func load(path: String) throws(CodebookError) -> Codebook {
        try Codebook(yaml: try readText(path), origin: path)
    }

    /// The codebook built into the tool (the repository's `tags.yml`).
    public static var `default`: Codebook {
        // The built-in YAML is checked by a test, so it always parses.
        (try? Codebook(yaml: defaultCodebookYAML, origin: "built-in default")) ?? Codebook(origin: "built-in default", hash: "")
    }

    /// The YAML text of the built-in codebook, byte-identical to `tags.yml`.
    public static var defaultYAML: String { defaultCodebookYAML }

    /// Which codebook a command uses: `--codebook FILE` when given, else `./tags.yml` in the
    /// current directory when there is one, else the built-in default.
    public static func resolve(explicitPath: String?, currentDirectory: String) throws(CodebookError) -> Codebook {
        if let explicitPath { return try load(path: explicitPath) }
        let local = (currentDirectory as NSString).appendingPathComponent("tags.yml")
        if FileManager.default.fileExists(atPath: local) { return try load(path: local) }
        return .default
    }

    /// A copy with `extraTerms` added as one more `terms` rule of the label `label` (a new
    /// factor of that id when there is none). The hash changes with the terms. The
    /// benchmark uses this to show that tagging cost does not grow with the rules.
    public func adding(extraTerms: [String], toLabel label: String = "extra-terms") -> Codebook {
        var copy = self
        let rule = Rule(id: "extra-terms", kind: .terms(extraTerms.map { Term($0) }))
        if let i = copy.factors.firstIndex(where: { $0.id == label }) {
            copy.factors[i].rules.append(rule)
        } else if let i = copy.actors.firstIndex(where: { $0.id == label }) {
            copy.actors[i].rules.append(rule)
        } else if let i = copy.directions.firstIndex(where: { $0.id == label }) {
            copy.directions[i].rules.append(rule)
        } else {
            copy.factors.append(LabelDefinition(id: label, group: .factors, name: label, rules: [rule]))
        }
        copy.hash = SHA256.hex((hash + "\n" + extraTerms.joined(separator: "\n")).utf8)
        return copy
    }

    /// `count` distinct, deterministic, word-like terms (one to three words built from common
    /// syllables, some with wildcards), for benchmarking a codebook with many extra rules.
    public static func syntheticTerms(count: Int) -> [String] {
        let syllables = ["ca", "re", "ti", "on", "pro", "man", "sta", "ffi", "ng", "dis", "com", "ver", "al", "ter", "qua", "li", "ty", "nu", "se", "pa"]
        var terms: [String] = []
        var seen: Set<String> = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        while terms.count < count {
            var words: [String] = []
            for _ in 0..<(1 + next(3)) {
                var word = ""
                for _ in 0..<(2 + next(3)) { word += syllables[next(syllables.count)] }
                words.append(word)
            }
            var term = words.joined(separator: " ")
            if next(10) == 0 { term += "*" }
            if seen.insert(term).inserted { terms.append(term) }
        }
        return terms
    }
}

/// Reads a UTF-8 text file, turning failures into a message that names the file.
func readText(_ path: String) throws(CodebookError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw .unreadable(path: path, reason: "not UTF-8 text")
    }
    return text
}

/// Validates codebooks for `evidence codebook check`.
public enum CodebookChecker {
    /// Every error and warning of the YAML text, in file order.
    public static func check(yaml: String, file: String) -> [CodebookDiagnostic] {
        var parser = CodebookParser(file: file)
        _ = parser.parse(yaml, hash: "")
        return parser.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Reads `path` and checks it; an unreadable file is one error at line 1.
    public static func check(path: String) -> [CodebookDiagnostic] {
        do {
            return check(yaml: try readText(path), file: path)
        } catch {
            return [CodebookDiagnostic(file: path, line: 1, column: 1, severity: .error, message: error.description)]
        }
    }
}
