/// A codebook turned into integer-indexed tables for the tagger: one term automaton for all
/// terms of all rules, exclusions, contexts and cues, plus small per-label descriptions.
struct CompiledCodebook: Sendable {
    enum Action: Sendable, Equatable {
        case keep
        case drop
        case flip
        case direction(Int)
    }

    struct Context: Sendable {
        var level: ContextRequirement.Level
        var termSet: Int32
        var labels: [Int]
    }

    struct Label: Sendable {
        var id: String
        var group: LabelGroup
        var threshold: Double
        var rules: [Int]
        var excludeSet: Int32
        var context: [Context]
        var negated: Action
        var hedged: Action
        var opposite: Int
        var scope: Scope
    }

    enum RuleKind: Sendable {
        case terms(Int32)
        case all([Int32], within: Int)
        case regex(RegexBox)
    }

    struct Rule: Sendable {
        var name: String
        var label: Int
        var kind: RuleKind
        var weight: Double
        var scope: Scope
    }

    struct Cues: Sendable {
        var window: Int
        var before: Int32
        var after: Int32
        var terminators: Int32
    }

    var automaton: TermAutomaton
    var labels: [Label]
    var rules: [Rule]
    /// Labels worth evaluating when a term set has hits.
    var labelsByTermSet: [[Int]]
    /// Labels with a regex rule: evaluated for every passage.
    var regexLabels: [Int]
    var negation: Cues
    var hedging: Cues
    var skipSections: [String]
    var sectionWeights: [(String, Double)]
    var usesSections: Bool
    /// Whether some label has a paragraph-level context requirement.
    var needsParagraphs: Bool
    /// The label groups in the order they are decided (`LabelGroup.rank`).
    var groupOrder: [LabelGroup]

    init(_ codebook: Codebook) {
        var builder = TermAutomaton.Builder()
        let compiler = TermCompiler(extraSpellings: codebook.spellings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        var setsByKey: [String: Int32] = [:]
        var labelsForSet: [Int32: Set<Int>] = [:]

        func termSet(_ terms: [Term], caseSensitive: Bool) -> Int32 {
            if terms.isEmpty { return -1 }
            let key = (caseSensitive ? "1" : "0") + terms.map(\.text).joined(separator: "\u{1}")
            if let existing = setsByKey[key] { return existing }
            let id = builder.newTermSet()
            setsByKey[key] = id
            for term in terms {
                guard let sequences = try? compiler.compile(term.text, caseSensitive: caseSensitive) else { continue }
                for sequence in sequences { builder.add(sequence, termSet: id, caseSensitive: caseSensitive) }
            }
            return id
        }

        let all = codebook.allLabels
        var index: [String: Int] = [:]
        for (i, label) in all.enumerated() where index[label.id] == nil { index[label.id] = i }
        func resolve(_ action: ModifierAction) -> Action {
            switch action {
            case .keep: return .keep
            case .drop: return .drop
            case .flip: return .flip
            case .direction(let id): return index[id].map { .direction($0) } ?? .keep
            }
        }

        var labels: [Label] = []
        var rules: [Rule] = []
        var regexLabels: [Int] = []
        var usesSections = !codebook.sections.skip.isEmpty || !codebook.sections.weights.isEmpty
        for (labelIndex, definition) in all.enumerated() {
            var ruleIndices: [Int] = []
            if !definition.scope.isUnrestricted { usesSections = true }
            for rule in definition.rules {
                if !rule.scope.isUnrestricted { usesSections = true }
                let kind: RuleKind
                switch rule.kind {
                case .terms(let terms):
                    let set = termSet(terms, caseSensitive: rule.caseSensitive)
                    labelsForSet[set, default: []].insert(labelIndex)
                    kind = .terms(set)
                case .all(let groups, let within):
                    let sets = groups.map { termSet($0, caseSensitive: rule.caseSensitive) }
                    for set in sets { labelsForSet[set, default: []].insert(labelIndex) }
                    kind = .all(sets, within: within)
                case .regex(let pattern):
                    guard let box = RegexBox(pattern, caseSensitive: rule.caseSensitive) else { continue }
                    if !regexLabels.contains(labelIndex) { regexLabels.append(labelIndex) }
                    kind = .regex(box)
                }
                ruleIndices.append(rules.count)
                rules.append(Rule(name: "\(definition.id)/\(rule.id)", label: labelIndex, kind: kind, weight: rule.weight, scope: rule.scope))
            }
            let contexts = definition.context.map { requirement -> Context in
                var ids: [Int] = []
                for name in requirement.labels {
                    switch name {
                    case "any-actor": ids += all.indices.filter { all[$0].group == .actors }
                    case "any-factor": ids += all.indices.filter { all[$0].group == .factors }
                    default: if let i = index[name] { ids.append(i) }
                    }
                }
                return Context(level: requirement.level, termSet: termSet(requirement.terms, caseSensitive: false), labels: ids)
            }
            labels.append(Label(
                id: definition.id, group: definition.group, threshold: definition.threshold, rules: ruleIndices,
                excludeSet: termSet(definition.exclude, caseSensitive: false), context: contexts,
                negated: resolve(definition.negated), hedged: resolve(definition.hedged),
                opposite: definition.opposite.flatMap { index[$0] } ?? -1, scope: definition.scope))
        }
        func cues(_ settings: CueSettings) -> Cues {
            Cues(window: settings.window, before: termSet(settings.before, caseSensitive: false),
                 after: termSet(settings.after, caseSensitive: false),
                 terminators: termSet(settings.terminators, caseSensitive: false))
        }
        negation = cues(codebook.negation)
        hedging = cues(codebook.hedging)
        automaton = builder.build()
        var byTermSet = [[Int]](repeating: [], count: automaton.termSetCount)
        for (set, labelSet) in labelsForSet where set >= 0 { byTermSet[Int(set)] = labelSet.sorted() }
        labelsByTermSet = byTermSet
        self.labels = labels
        self.rules = rules
        self.regexLabels = regexLabels
        skipSections = codebook.sections.skip.map { $0.lowercased() }
        sectionWeights = codebook.sections.weights.sorted { $0.key < $1.key }.map { ($0.key.lowercased(), $0.value) }
        self.usesSections = usesSections
        needsParagraphs = labels.contains { $0.context.contains { $0.level == .paragraph } }
        groupOrder = LabelGroup.allCases.sorted { $0.rank < $1.rank }
    }
}

/// A compiled regular expression; `Regex` values are immutable, so sharing one is safe.
final class RegexBox: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>

    init?(_ pattern: String, caseSensitive: Bool) {
        guard let regex = try? Regex(pattern) else { return nil }
        self.regex = caseSensitive ? regex : regex.ignoresCase()
    }
}
