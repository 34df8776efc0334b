import Yams

/// Reads `tags.yml` from a YAML node tree rather than with `Decodable`, so that every
/// message can point at the exact line and column, and unknown keys are caught instead of
/// silently ignored.
struct CodebookParser {
    let file: String
    private(set) var diagnostics: [CodebookDiagnostic] = []
    private var lists: [String: [Term]] = [:]
    private let compiler = TermCompiler()

    init(file: String) { self.file = file }

    static let topKeys = ["version", "lists", "negation", "hedging", "sections", "spellings", "factors", "actors", "direction"]
    static let labelKeys = ["id", "name", "description", "rules", "exclude", "context", "threshold", "negated", "hedged", "opposite", "sections", "kinds"]
    static let ruleKeys = ["id", "terms", "near", "all", "within", "regex", "weight", "case-sensitive", "sections", "kinds"]
    static let contextKeys = ["scope", "terms", "labels"]
    static let cueKeys = ["window", "before", "after", "terminators"]
    static let sectionKeys = ["skip", "weights"]

    // MARK: Entry

    mutating func parse(_ yaml: String, hash: String) -> Codebook? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            report(yamlError: error)
            return nil
        } catch {
            diagnose(nil, .error, "cannot parse the YAML: \(error)")
            return nil
        }
        guard let root else {
            diagnose(nil, .error, "the codebook is empty; it needs at least `factors`, `actors` or `direction`")
            return nil
        }
        guard let top = mapping(root, in: "the codebook", allowed: Self.topKeys) else { return nil }
        var codebook = Codebook(origin: file, hash: hash)
        if let version = top["version"] {
            if version.node.scalar?.string != "1" { diagnose(version.node, .error, "unsupported version '\(version.node.scalar?.string ?? "?")'; this tool reads version 1") }
        }
        if let entry = top["lists"], let listMap = mapping(entry.node, in: "lists", allowed: nil) {
            for (name, keyNode, value) in listMap.entries {
                if lists[name] != nil { diagnose(keyNode, .error, "duplicate list '\(name)'") }
                lists[name] = terms(value, in: "list '\(name)'", allowReferences: false)
            }
            codebook.lists = lists
        }
        if let entry = top["spellings"], let map = mapping(entry.node, in: "spellings", allowed: nil) {
            for (british, _, value) in map.entries {
                guard let american = scalar(value, in: "spellings") else { continue }
                codebook.spellings[british.lowercased()] = american.lowercased()
            }
        }
        if let entry = top["negation"] { codebook.negation = cues(entry.node, in: "negation") }
        if let entry = top["hedging"] { codebook.hedging = cues(entry.node, in: "hedging") }
        if let entry = top["sections"] { codebook.sections = sectionSettings(entry.node) }
        codebook.actors = labels(top["actors"]?.node, group: .actors)
        codebook.factors = labels(top["factors"]?.node, group: .factors)
        codebook.directions = labels(top["direction"]?.node, group: .direction)
        if top["factors"] == nil && top["actors"] == nil && top["direction"] == nil {
            diagnose(root, .error, "the codebook defines no labels; add `factors`, `actors` or `direction`")
        }
        checkReferences(codebook, root: root)
        return diagnostics.contains { $0.severity == .error } ? nil : codebook
    }

    // MARK: Labels and rules

    private mutating func labels(_ node: Node?, group: LabelGroup) -> [LabelDefinition] {
        guard let node else { return [] }
        let what = group == .direction ? "direction" : String(group.rawValue.dropLast())
        guard let items = sequence(node, in: group.rawValue) else { return [] }
        var result: [LabelDefinition] = []
        for item in items {
            guard let map = mapping(item, in: "a \(what)", allowed: Self.labelKeys) else { continue }
            guard let idEntry = map["id"], let id = scalar(idEntry.node, in: "id") else {
                diagnose(item, .error, "this \(what) has no `id`")
                continue
            }
            if !isValidID(id) { diagnose(idEntry.node, .error, "id '\(id)' must be lower-case letters, digits and hyphens") }
            var label = LabelDefinition(id: id, group: group, location: location(idEntry.node))
            let context = "\(what) '\(id)'"
            label.name = map["name"].flatMap { scalar($0.node, in: context) } ?? id
            label.description = map["description"].flatMap { scalar($0.node, in: context) } ?? ""
            if let entry = map["threshold"] {
                label.threshold = number(entry.node, in: context) ?? 1
                if label.threshold <= 0 { diagnose(entry.node, .warning, "threshold \(label.threshold) of \(context) is not positive, so any single match counts, even one with weight 0") }
            }
            if let entry = map["exclude"] { label.exclude = terms(entry.node, in: "exclusions of \(context)") }
            if let entry = map["context"] { label.context = contexts(entry.node, in: context) }
            if let entry = map["negated"] { label.negated = action(entry.node) }
            if let entry = map["hedged"] { label.hedged = action(entry.node) }
            if let entry = map["opposite"] { label.opposite = scalar(entry.node, in: context) }
            label.scope = scope(map, in: context)
            if let entry = map["rules"], let rules = sequence(entry.node, in: "rules of \(context)") {
                var used: Set<String> = []
                for ruleNode in rules {
                    if let rule = self.rule(ruleNode, label: id, used: &used) { label.rules.append(rule) }
                }
            }
            if label.rules.isEmpty { diagnose(item, .warning, "\(context) has no rules, so it is never given") }
            result.append(label)
        }
        return result
    }

    private mutating func rule(_ node: Node, label: String, used: inout Set<String>) -> Rule? {
        let context = "a rule of '\(label)'"
        guard let map = mapping(node, in: context, allowed: Self.ruleKeys) else { return nil }
        let caseSensitive = map["case-sensitive"].flatMap { boolean($0.node, in: context) } ?? false
        let kinds = ["terms", "near", "all", "regex"].filter { map[$0] != nil }
        guard kinds.count == 1, let kindName = kinds.first, let body = map[kindName]?.node else {
            diagnose(node, .error, kinds.isEmpty
                ? "\(context) needs one of `terms`, `near`, `all` or `regex`"
                : "\(context) has \(kinds.map { "`\($0)`" }.joined(separator: " and ")); give each its own rule")
            return nil
        }
        var id = kindName
        if let entry = map["id"], let explicit = scalar(entry.node, in: context) {
            id = explicit
            if used.contains(id) { diagnose(entry.node, .error, "duplicate rule id '\(id)' in '\(label)'") }
        } else {
            var n = 2
            while used.contains(id) {
                id = "\(kindName)-\(n)"
                n += 1
            }
        }
        used.insert(id)
        let kind: Rule.Kind
        switch kindName {
        case "terms":
            kind = .terms(terms(body, in: "rule '\(label)/\(id)'", caseSensitive: caseSensitive))
        case "regex":
            guard let pattern = scalar(body, in: context) else { return nil }
            checkRegex(pattern, node: body)
            kind = .regex(pattern)
        default:
            guard let groupNodes = sequence(body, in: "`\(kindName)` of '\(label)/\(id)'") else { return nil }
            let groups = groupNodes.map { terms($0, in: "rule '\(label)/\(id)'", caseSensitive: caseSensitive) }
            if kindName == "near" && groups.count != 2 {
                diagnose(body, .error, "`near` takes exactly two term lists (A within N words of B); use `all` for more")
            }
            if kindName == "all" && groups.count < 2 {
                diagnose(body, .error, "`all` takes at least two term lists")
            }
            var within = 5
            if let entry = map["within"] {
                within = number(entry.node, in: context).map { Int($0) } ?? 5
                if within < 0 { diagnose(entry.node, .error, "`within` must be 0 or more words") }
            }
            kind = .all(groups, within: within)
        }
        if map["within"] != nil && (kindName == "terms" || kindName == "regex") {
            diagnose(map["within"]?.keyNode, .warning, "`within` only applies to `near` and `all` rules")
        }
        var weight = 1.0
        if let entry = map["weight"] {
            weight = number(entry.node, in: context) ?? 1
            if weight <= 0 { diagnose(entry.node, .warning, "weight \(weight) means this rule never adds to the score") }
        }
        return Rule(id: id, kind: kind, weight: weight, caseSensitive: caseSensitive, scope: scope(map, in: context), location: location(node))
    }

    private mutating func contexts(_ node: Node, in what: String) -> [ContextRequirement] {
        let items: [Node]
        if case .sequence = node { items = node.sequence.map(Array.init) ?? [] } else { items = [node] }
        var result: [ContextRequirement] = []
        for item in items {
            guard let map = mapping(item, in: "the context of \(what)", allowed: Self.contextKeys) else { continue }
            var requirement = ContextRequirement(location: location(item))
            if let entry = map["scope"], let value = scalar(entry.node, in: what) {
                if let level = ContextRequirement.Level(rawValue: value) {
                    requirement.level = level
                } else {
                    diagnose(entry.node, .error, "unknown context scope '\(value)'; use sentence, paragraph or source")
                }
            }
            if let entry = map["terms"] { requirement.terms = terms(entry.node, in: "the context of \(what)") }
            if let entry = map["labels"] {
                for labelNode in stringNodes(entry.node, in: what) { if let name = labelNode.scalar?.string { requirement.labels.append(name) } }
            }
            if requirement.terms.isEmpty && requirement.labels.isEmpty {
                diagnose(item, .error, "the context of \(what) names no `terms` or `labels`, so it can never be met")
            }
            result.append(requirement)
        }
        return result
    }

    private mutating func cues(_ node: Node, in what: String) -> CueSettings {
        var settings = CueSettings()
        guard let map = mapping(node, in: what, allowed: Self.cueKeys) else { return settings }
        if let entry = map["window"] {
            settings.window = number(entry.node, in: what).map { Int($0) } ?? 4
            if settings.window < 0 { diagnose(entry.node, .error, "`window` must be 0 or more words") }
        }
        if let entry = map["before"] { settings.before = terms(entry.node, in: "\(what) cues") }
        if let entry = map["after"] { settings.after = terms(entry.node, in: "\(what) cues") }
        if let entry = map["terminators"] { settings.terminators = terms(entry.node, in: "\(what) terminators") }
        return settings
    }

    private mutating func sectionSettings(_ node: Node) -> SectionSettings {
        var settings = SectionSettings()
        guard let map = mapping(node, in: "sections", allowed: Self.sectionKeys) else { return settings }
        if let entry = map["skip"] { settings.skip = stringNodes(entry.node, in: "sections").compactMap { $0.scalar?.string } }
        if let entry = map["weights"], let weights = mapping(entry.node, in: "section weights", allowed: nil) {
            for (name, _, value) in weights.entries {
                if let weight = number(value, in: "section weights") { settings.weights[name] = weight }
            }
        }
        return settings
    }

    private mutating func scope(_ map: Entries, in what: String) -> Scope {
        var scope = Scope()
        if let entry = map["sections"] { scope.sections = stringNodes(entry.node, in: what).compactMap { $0.scalar?.string } }
        if let entry = map["kinds"] {
            for kindNode in stringNodes(entry.node, in: what) {
                guard let name = kindNode.scalar?.string else { continue }
                if let kind = PassageKind(rawValue: name) {
                    scope.kinds.append(kind)
                } else {
                    diagnose(kindNode, .error, "unknown passage kind '\(name)'; use \(PassageKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
        }
        return scope
    }

    private mutating func action(_ node: Node) -> ModifierAction {
        guard let value = scalar(node, in: "negated/hedged") else { return .keep }
        switch value {
        case "keep": return .keep
        case "drop": return .drop
        case "flip": return .flip
        default: return .direction(value)
        }
    }

    // MARK: Terms

    /// A term list: one string or a sequence of strings; `$name` includes a named list.
    private mutating func terms(_ node: Node, in what: String, caseSensitive: Bool = false, allowReferences: Bool = true) -> [Term] {
        var result: [Term] = []
        var seen: Set<String> = []
        for item in stringNodes(node, in: what) {
            guard let text = item.scalar?.string else { continue }
            let where_ = location(item)
            if text.hasPrefix("$") {
                let name = String(text.dropFirst())
                if !allowReferences {
                    diagnose(item, .error, "lists cannot include other lists ('\(text)')")
                } else if let list = lists[name] {
                    result += list
                } else {
                    diagnose(item, .error, "unknown list '\(name)' in \(what)" + suggestion(name, Array(lists.keys)))
                }
                continue
            }
            if !seen.insert(text).inserted { diagnose(item, .warning, "'\(text)' is listed twice in \(what)") }
            do {
                let sequences = try compiler.compile(text, caseSensitive: caseSensitive)
                if let short = sequences.first?.first(where: { $0.isPrefix && $0.key.count < 3 }) {
                    diagnose(item, .warning, "the wildcard '\(String(decoding: short.key, as: UTF8.self))*' in '\(text)' matches very many words")
                }
            } catch {
                diagnose(item, .error, "'\(text)' in \(what): \(error.message)")
                continue
            }
            result.append(Term(text, location: where_))
        }
        if result.isEmpty, case .sequence(let s) = node, s.isEmpty {
            diagnose(node, .warning, "\(what) is an empty list")
        }
        return result
    }

    private mutating func checkRegex(_ pattern: String, node: Node) {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            diagnose(node, .error, "invalid regular expression '\(pattern)': \(error)")
            return
        }
        if (try? regex.wholeMatch(in: "")) != nil {
            diagnose(node, .error, "the regular expression '\(pattern)' matches the empty string; empty matches are ignored, so make at least one part required")
        }
    }

    // MARK: References

    private mutating func checkReferences(_ codebook: Codebook, root: Node) {
        var seen: [String: LabelDefinition] = [:]
        for label in codebook.allLabels {
            if let first = seen[label.id] {
                diagnose(at: label.location, .error, "duplicate id '\(label.id)' (first defined at line \(first.location?.line ?? 0))")
            } else {
                seen[label.id] = label
            }
        }
        let directionIDs = codebook.directions.map(\.id)
        for label in codebook.allLabels {
            for requirement in label.context {
                for name in requirement.labels {
                    let target: LabelGroup?
                    switch name {
                    case "any-actor": target = .actors
                    case "any-factor": target = .factors
                    default: target = seen[name]?.group
                    }
                    guard let target else {
                        diagnose(at: requirement.location, .error, "unknown id '\(name)' in the context of '\(label.id)'" + suggestion(name, Array(seen.keys)))
                        continue
                    }
                    if target.rank >= label.group.rank {
                        diagnose(at: requirement.location, .error, "the context of '\(label.id)' names '\(name)', but only labels decided earlier can be required (actors, then factors, then direction)")
                    }
                }
            }
            if let opposite = label.opposite, !directionIDs.contains(opposite) {
                diagnose(at: label.location, .error, "unknown direction '\(opposite)' as the opposite of '\(label.id)'" + suggestion(opposite, directionIDs))
            }
            for (key, action) in [("negated", label.negated), ("hedged", label.hedged)] {
                switch action {
                case .direction(let id) where !directionIDs.contains(id):
                    diagnose(at: label.location, .error, "`\(key): \(id)` of '\(label.id)' is neither keep, drop, flip nor a direction id" + suggestion(id, directionIDs + ["keep", "drop", "flip"]))
                case .flip where label.opposite == nil:
                    diagnose(at: label.location, .error, "`\(key): flip` of '\(label.id)' needs an `opposite` direction")
                default: break
                }
            }
        }
    }

    // MARK: Node helpers

    struct Entries {
        var entries: [(String, Node, Node)]
        subscript(key: String) -> (keyNode: Node, node: Node)? {
            entries.first { $0.0 == key }.map { ($0.1, $0.2) }
        }
    }

    private mutating func mapping(_ node: Node, in what: String, allowed: [String]?) -> Entries? {
        guard case .mapping(let map) = node else {
            diagnose(node, .error, "\(what) must be a mapping of `key: value` lines")
            return nil
        }
        var entries: [(String, Node, Node)] = []
        for (key, value) in map {
            guard let name = key.scalar?.string else {
                diagnose(key, .error, "keys in \(what) must be plain words")
                continue
            }
            if let allowed, !allowed.contains(name) {
                diagnose(key, .error, "unknown key '\(name)' in \(what)" + suggestion(name, allowed, listAll: true))
                continue
            }
            entries.append((name, key, value))
        }
        return Entries(entries: entries)
    }

    private mutating func sequence(_ node: Node, in what: String) -> [Node]? {
        guard case .sequence(let items) = node else {
            diagnose(node, .error, "\(what) must be a list (lines starting with `- `)")
            return nil
        }
        return Array(items)
    }

    /// A single string or a list of strings.
    private mutating func stringNodes(_ node: Node, in what: String) -> [Node] {
        switch node {
        case .scalar: return [node]
        case .sequence(let items):
            var result: [Node] = []
            for item in items {
                if case .scalar = item { result.append(item) } else { diagnose(item, .error, "\(what): expected a word or phrase here") }
            }
            return result
        default:
            diagnose(node, .error, "\(what): expected a word, a phrase or a list of them")
            return []
        }
    }

    private mutating func scalar(_ node: Node, in what: String) -> String? {
        guard case .scalar(let s) = node else {
            diagnose(node, .error, "\(what): expected a single value here")
            return nil
        }
        return s.string
    }

    private mutating func number(_ node: Node, in what: String) -> Double? {
        guard let text = scalar(node, in: what) else { return nil }
        guard let value = Double(text) else {
            diagnose(node, .error, "\(what): '\(text)' is not a number")
            return nil
        }
        return value
    }

    private mutating func boolean(_ node: Node, in what: String) -> Bool? {
        guard let text = scalar(node, in: what) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnose(node, .error, "\(what): '\(text)' is not true or false")
            return nil
        }
    }

    private func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }

    private func location(_ node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(line: $0.line, column: $0.column) }
    }

    private mutating func diagnose(_ node: Node?, _ severity: CodebookDiagnostic.Severity, _ message: String) {
        diagnose(at: node.flatMap(location), severity, message)
    }

    private mutating func diagnose(at location: SourceLocation?, _ severity: CodebookDiagnostic.Severity, _ message: String) {
        diagnostics.append(CodebookDiagnostic(file: file, line: location?.line ?? 1, column: location?.column ?? 1, severity: severity, message: message))
    }

    private mutating func report(yamlError error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            diagnostics.append(CodebookDiagnostic(file: file, line: mark.line, column: mark.column, severity: .error, message: "YAML syntax: \(prefix)\(problem)"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            diagnostics.append(CodebookDiagnostic(
                file: file, line: context.mark.line, column: context.mark.column, severity: .error,
                message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in the same mapping; the second would silently replace the first"))
        default:
            diagnostics.append(CodebookDiagnostic(file: file, line: 1, column: 1, severity: .error, message: "YAML: \(error)"))
        }
    }

    /// "; did you mean 'threshold'?" for a near miss, or the list of valid keys.
    private func suggestion(_ word: String, _ candidates: [String], listAll: Bool = false) -> String {
        let best = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        if let best, best.1 <= max(2, word.count / 3) { return "; did you mean '\(best.0)'?" }
        return listAll ? "; expected one of: \(candidates.joined(separator: ", "))" : ""
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var previous = row[0]
            row[0] = i
            if y.isEmpty { continue }
            for j in 1...y.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[y.count]
    }
}
