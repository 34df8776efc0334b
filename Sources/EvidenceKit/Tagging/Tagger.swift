/// Applies a codebook to passages.
///
/// Compile once (`Tagger(codebook)`), then call `tag(source:)` for each source: the passages
/// of one source are tagged together so that paragraph- and source-level context
/// requirements can look at the neighbouring passages. A `Tagger` is an immutable value and
/// can be shared between threads.
public struct Tagger: Sendable {
    public let codebook: Codebook
    let compiled: CompiledCodebook

    public init(_ codebook: Codebook) {
        self.codebook = codebook
        self.compiled = CompiledCodebook(codebook)
    }

    /// Tags all passages of one source; the result has one entry per passage, in order.
    public func tag(source passages: [Passage]) -> [PassageTags] {
        tagExplained(source: passages, explain: false).map(\.tags)
    }

    /// Tags a free-standing piece of text as a one-passage source.
    public func tag(text: String) -> PassageTags {
        let passage = Passage(kind: .body, section: "", paragraph: 0, index: 0, text: text, start: 0, end: text.unicodeScalars.count)
        return tag(source: [passage])[0]
    }

    /// A match that was found but did not count, and why: what `evaluate` shows for a false
    /// negative.
    struct Rejection: Hashable {
        var label: String
        var rule: String
        var text: String
        var reason: String
    }

    struct Explained {
        var tags: PassageTags
        var rejections: [Rejection]
    }

    /// One piece of evidence before thresholds and context are applied.
    struct Candidate {
        var label: Int
        var rule: Int
        var start: Int32
        var end: Int32
        var scalarStart: Int32
        var scalarEnd: Int32
        var byteStart: Int32
        var byteEnd: Int32
        var weight: Double
        /// A direction this match also gives when its label is assigned (`negated: barrier`).
        var direction: Int
    }

    struct PassageState {
        var candidates: [Candidate] = []
        var termSets: [Int32] = []
        var assigned: [Int] = []
        var skipped = false
        var sectionWeight = 1.0
        var rejections: [Rejection] = []
    }

    /// How the section of the previous passage was judged; consecutive passages nearly
    /// always share their section, so the substring tests run once per section.
    struct SectionVerdict {
        var section: String
        var lowerSection: String
        var skipped: Bool
        var weight: Double
    }

    func tagExplained(source passages: [Passage], explain: Bool) -> [Explained] {
        var buffers = ScanBuffers()
        var verdict: SectionVerdict?
        var states: [PassageState] = []
        states.reserveCapacity(passages.count)
        for passage in passages {
            states.append(scanPassage(passage, buffers: &buffers, verdict: &verdict, explain: explain))
        }
        decide(passages: passages, states: &states, explain: explain)
        var result: [Explained] = []
        result.reserveCapacity(passages.count)
        for p in passages.indices {
            result.append(Explained(tags: output(passage: passages[p], state: states[p]), rejections: states[p].rejections))
        }
        return result
    }

    // MARK: Phase 1: find candidate matches in one passage

    private func scanPassage(
        _ passage: Passage, buffers: inout ScanBuffers, verdict: inout SectionVerdict?, explain: Bool
    ) -> PassageState {
        var state = PassageState()
        var lowerSection = ""
        if compiled.usesSections {
            if verdict?.section != passage.section { verdict = judge(section: passage.section) }
            guard let verdict else { return state }
            lowerSection = verdict.lowerSection
            if verdict.skipped {
                state.skipped = true
                return state
            }
            state.sectionWeight = verdict.weight
        }
        var text = passage.text
        text.withUTF8 { bytes in compiled.automaton.scan(bytes, into: &buffers) }
        let hits = buffers.hits
        var candidateLabels: [Int] = compiled.regexLabels
        var previous: Int32 = -1
        for hit in hits where hit.termSet != previous {
            previous = hit.termSet
            state.termSets.append(hit.termSet)
            for label in compiled.labelsByTermSet[Int(hit.termSet)] where !candidateLabels.contains(label) {
                candidateLabels.append(label)
            }
        }
        if candidateLabels.isEmpty { return state }
        candidateLabels.sort()
        for labelIndex in candidateLabels {
            let label = compiled.labels[labelIndex]
            if !allows(label.scope, passage: passage, lowerSection: lowerSection) { continue }
            for ruleIndex in label.rules {
                let rule = compiled.rules[ruleIndex]
                if !allows(rule.scope, passage: passage, lowerSection: lowerSection) { continue }
                for span in spans(of: rule, hits: hits, text: passage.text, buffers: buffers) {
                    consider(span: span, label: labelIndex, rule: ruleIndex, buffers: buffers, hits: hits, text: passage.text, explain: explain, state: &state)
                }
            }
        }
        return state
    }

    private func allows(_ scope: Scope, passage: Passage, lowerSection: String) -> Bool {
        if !scope.kinds.isEmpty && !scope.kinds.contains(passage.kind) { return false }
        if !scope.sections.isEmpty && !scope.sections.contains(where: { sectionContains(lowerSection, $0.lowercased()) }) { return false }
        return true
    }

    /// Whether passages of `section` are skipped, and the weight of their matches.
    private func judge(section: String) -> SectionVerdict {
        let lowerSection = section.lowercased()
        var verdict = SectionVerdict(section: section, lowerSection: lowerSection, skipped: false, weight: 1)
        if compiled.skipSections.contains(where: { sectionContains(lowerSection, $0) }) {
            verdict.skipped = true
        } else if let weight = compiled.sectionWeights.first(where: { sectionContains(lowerSection, $0.0) }) {
            verdict.weight = weight.1
        }
        return verdict
    }

    /// Whether the section name `haystack` contains `needle`, as Foundation's `contains`
    /// answers it (an empty needle is never found). Section names and codebook section
    /// lists are nearly always ASCII, where a byte search gives the same answer without
    /// Foundation's cost, which otherwise dominates tagging.
    private func sectionContains(_ haystack: String, _ needle: String) -> Bool {
        let answer: Bool?? = haystack.utf8.withContiguousStorageIfAvailable { h -> Bool? in
            let inner: Bool?? = needle.utf8.withContiguousStorageIfAvailable { n -> Bool? in
                if n.isEmpty { return false }
                if h.contains(where: { $0 >= 0x80 }) || n.contains(where: { $0 >= 0x80 }) { return nil }
                if n.count > h.count { return false }
                let first = n[0]
                var i = 0
                while i <= h.count - n.count {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
            return inner ?? nil
        }
        if let known = answer ?? nil { return known }
        return haystack.contains(needle)
    }

    /// Word spans `start..<end` where a rule fires.
    private func spans(of rule: CompiledCodebook.Rule, hits: [TermHit], text: String, buffers: ScanBuffers) -> [(Int32, Int32)] {
        switch rule.kind {
        case .terms(let set):
            return hitRange(set, hits).map { (hits[$0].start, hits[$0].end) }
        case .all(let sets, let within):
            guard let first = sets.first else { return [] }
            let ranges = sets.map { hitRange($0, hits) }
            if ranges.contains(where: { $0.isEmpty }) { return [] }
            var result: [(Int32, Int32)] = []
            for anchorIndex in ranges[0] {
                let anchor = hits[anchorIndex]
                var lo = anchor.start, hi = anchor.end
                var maxStart = anchor.start, minEnd = anchor.end
                for range in ranges.dropFirst() {
                    var best: TermHit?
                    var bestDistance = Int32.max
                    for k in range {
                        let other = hits[k]
                        let distance = max(other.start - anchor.end, anchor.start - other.end, 0)
                        if distance < bestDistance { bestDistance = distance; best = other }
                    }
                    guard let chosen = best else { continue }
                    lo = min(lo, chosen.start); hi = max(hi, chosen.end)
                    maxStart = max(maxStart, chosen.start); minEnd = min(minEnd, chosen.end)
                }
                if maxStart - minEnd <= Int32(within) && !result.contains(where: { $0 == (lo, hi) }) {
                    result.append((lo, hi))
                }
            }
            _ = first
            return result
        case .regex(let box):
            var result: [(Int32, Int32)] = []
            for match in text.matches(of: box.regex) where !match.range.isEmpty {
                let byteStart = Int32(text.utf8.distance(from: text.startIndex, to: match.range.lowerBound))
                let byteEnd = Int32(text.utf8.distance(from: text.startIndex, to: match.range.upperBound))
                var first: Int32 = -1, last: Int32 = -1
                for w in 0..<buffers.wordCount where buffers.words[w].byteEnd > byteStart && buffers.words[w].byteStart < byteEnd {
                    if first < 0 { first = Int32(w) }
                    last = Int32(w)
                }
                if first >= 0 { result.append((first, last + 1)) }
            }
            return result
        }
    }

    /// Indices of the hits of `set` in `hits` (sorted by term set).
    private func hitRange(_ set: Int32, _ hits: [TermHit]) -> Range<Int> {
        if set < 0 { return 0..<0 }
        var lo = 0, hi = hits.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hits[mid].termSet < set { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < hits.count && hits[end].termSet == set { end += 1 }
        return lo..<end
    }

    /// Applies exclusions, negation and hedging to one span and records the outcome.
    private func consider(
        span: (Int32, Int32), label labelIndex: Int, rule ruleIndex: Int, buffers: ScanBuffers, hits: [TermHit],
        text: String, explain: Bool, state: inout PassageState
    ) {
        let label = compiled.labels[labelIndex]
        let (start, end) = span
        var candidate = Candidate(
            label: labelIndex, rule: ruleIndex, start: start, end: end,
            scalarStart: buffers.words[Int(start)].scalarStart, scalarEnd: buffers.words[Int(end - 1)].scalarEnd,
            byteStart: buffers.words[Int(start)].byteStart, byteEnd: buffers.words[Int(end - 1)].byteEnd,
            weight: compiled.rules[ruleIndex].weight * state.sectionWeight, direction: -1)
        func reject(_ reason: String) {
            if explain {
                state.rejections.append(Rejection(
                    label: label.id, rule: compiled.rules[ruleIndex].name,
                    text: matchedText(text, candidate), reason: reason))
            }
        }
        for k in hitRange(label.excludeSet, hits) where hits[k].start < end && hits[k].end > start {
            reject("vetoed by an exclusion")
            return
        }
        var action = CompiledCodebook.Action.keep
        if modified(start, end, by: compiled.negation, hits: hits, buffers: buffers) { action = label.negated }
        if action != .drop && label.hedged != .keep && modified(start, end, by: compiled.hedging, hits: hits, buffers: buffers) {
            action = label.hedged
        }
        switch action {
        case .keep: break
        case .drop:
            reject("dropped by a negation or hedging cue")
            return
        case .flip:
            guard label.opposite >= 0 else { return }
            candidate.label = label.opposite
        case .direction(let direction):
            candidate.direction = direction
        }
        let duplicate = state.candidates.contains {
            $0.label == candidate.label && $0.rule == candidate.rule && $0.start == candidate.start && $0.end == candidate.end
        }
        if !duplicate { state.candidates.append(candidate) }
    }

    /// Whether a cue of `cues` stands within its window before or after `start..<end`, with
    /// no clause break or terminator in between.
    private func modified(_ start: Int32, _ end: Int32, by cues: CompiledCodebook.Cues, hits: [TermHit], buffers: ScanBuffers) -> Bool {
        let window = Int32(cues.window)
        for k in hitRange(cues.before, hits) {
            let cue = hits[k]
            if cue.end <= start && start - cue.end <= window && !blocked(cue.end, start, cues, hits, buffers) { return true }
        }
        for k in hitRange(cues.after, hits) {
            let cue = hits[k]
            if cue.start >= end && cue.start - end <= window && !blocked(end, cue.start, cues, hits, buffers) { return true }
        }
        return false
    }

    /// A clause break before any word in `from...to`, or a terminator inside `from..<to`.
    private func blocked(_ from: Int32, _ to: Int32, _ cues: CompiledCodebook.Cues, _ hits: [TermHit], _ buffers: ScanBuffers) -> Bool {
        var w = Int(from)
        while w <= Int(to) && w < buffers.wordCount {
            if buffers.words[w].clauseBreakBefore { return true }
            w += 1
        }
        for k in hitRange(cues.terminators, hits) where hits[k].start >= from && hits[k].end <= to { return true }
        return false
    }

    private func matchedText(_ text: String, _ candidate: Candidate) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(candidate.byteStart))
        let to = utf8.index(utf8.startIndex, offsetBy: Int(candidate.byteEnd))
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }

    // MARK: Phase 2: thresholds and context, group by group

    private func decide(passages: [Passage], states: inout [PassageState], explain: Bool) {
        var paragraphMembers: [Int: [Int]] = [:]
        if compiled.needsParagraphs {
            for (i, passage) in passages.enumerated() { paragraphMembers[passage.paragraph, default: []].append(i) }
        }
        for group in compiled.groupOrder {
            var decisions: [(passage: Int, label: Int)] = []
            for p in states.indices where !states[p].skipped && !states[p].candidates.isEmpty {
                var labelsHere: [Int] = []
                for candidate in states[p].candidates where compiled.labels[candidate.label].group == group {
                    if !labelsHere.contains(candidate.label) { labelsHere.append(candidate.label) }
                }
                for labelIndex in labelsHere {
                    let label = compiled.labels[labelIndex]
                    var score = 0.0
                    for candidate in states[p].candidates where candidate.label == labelIndex { score += candidate.weight }
                    if score + 1e-9 < label.threshold {
                        if explain { rejectAll(labelIndex, in: &states[p], passage: passages[p], reason: "below the threshold \(label.threshold)") }
                        continue
                    }
                    var satisfied = true
                    for context in label.context where !contextHolds(context, passage: p, passages: passages, states: states, paragraphs: paragraphMembers) {
                        satisfied = false
                        break
                    }
                    if !satisfied {
                        if explain { rejectAll(labelIndex, in: &states[p], passage: passages[p], reason: "context requirement not met") }
                        continue
                    }
                    decisions.append((p, labelIndex))
                }
            }
            for (p, labelIndex) in decisions {
                states[p].assigned.append(labelIndex)
                // Negated factor or actor matches that give a direction.
                let extra = states[p].candidates.filter { $0.label == labelIndex && $0.direction >= 0 }
                for var candidate in extra {
                    candidate.label = candidate.direction
                    candidate.direction = -1
                    states[p].candidates.append(candidate)
                }
            }
        }
    }

    private func rejectAll(_ labelIndex: Int, in state: inout PassageState, passage: Passage, reason: String) {
        for candidate in state.candidates where candidate.label == labelIndex {
            state.rejections.append(Rejection(
                label: compiled.labels[labelIndex].id, rule: compiled.rules[candidate.rule].name,
                text: matchedText(passage.text, candidate), reason: reason))
        }
    }

    private func contextHolds(
        _ context: CompiledCodebook.Context, passage p: Int, passages: [Passage], states: [PassageState], paragraphs: [Int: [Int]]
    ) -> Bool {
        func holds(in q: Int) -> Bool {
            if context.termSet >= 0 && binaryContains(states[q].termSets, context.termSet) { return true }
            return context.labels.contains { states[q].assigned.contains($0) }
        }
        switch context.level {
        case .sentence: return holds(in: p)
        case .paragraph: return (paragraphs[passages[p].paragraph] ?? [p]).contains { holds(in: $0) }
        case .source: return states.indices.contains { holds(in: $0) }
        }
    }

    private func binaryContains(_ sorted: [Int32], _ value: Int32) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == value
    }

    // MARK: Output

    private func output(passage: Passage, state: PassageState) -> PassageTags {
        if state.assigned.isEmpty { return PassageTags() }
        var tags = PassageTags()
        for labelIndex in state.assigned {
            let label = compiled.labels[labelIndex]
            switch label.group {
            case .actors: tags.actors.append(label.id)
            case .factors: tags.factors.append(label.id)
            case .direction: tags.direction.append(label.id)
            }
        }
        tags.actors.sort()
        tags.factors.sort()
        tags.direction.sort()
        for candidate in state.candidates where state.assigned.contains(candidate.label) {
            tags.matches.append(TagMatch(
                rule: compiled.rules[candidate.rule].name, label: compiled.labels[candidate.label].id,
                text: matchedText(passage.text, candidate), start: Int(candidate.scalarStart), end: Int(candidate.scalarEnd)))
        }
        tags.matches.sort { ($0.start, $0.end, $0.label, $0.rule) < ($1.start, $1.end, $1.label, $1.rule) }
        return tags
    }
}
