extension TagRun {
    // MARK: Phase 1: find candidate matches in one passage

    /// Scans passage `p` and records its term sets and candidates in the flat lists.
    ///
    /// Only labels with a hit of one of their rules' term sets (and labels with a regex
    /// rule) are looked at, so for most passages no rule is evaluated at all.
    mutating func collectCandidates(passage p: Int) {
        var slot = PassageSlot(
            termSetStart: termSets.count, termSetEnd: termSets.count, candidateStart: candidates.count,
            candidateEnd: candidates.count, skipped: false, assignedAny: false)
        var sectionWeight = 1.0
        if compiled.usesSections {
            if verdict?.section != passages[p].section { verdict = verdict(on: passages[p].section) }
            if let verdict {
                if verdict.skipped {
                    slot.skipped = true
                    slots.append(slot)
                    return
                }
                sectionWeight = verdict.weight
            }
        }
        scan(passage: p)
        collectLabels()
        slot.termSetEnd = termSets.count
        for l in 0..<candidateLabels.count {
            let labelIndex = Int(candidateLabels[l])
            let label = compiled.labelPlans[labelIndex]
            if label.scoped && !allows(compiled.labelScopes[labelIndex], kind: passages[p].kind) { continue }
            for ruleIndex in label.ruleStart..<label.ruleEnd {
                let rule = compiled.rulePlans[ruleIndex]
                if rule.scoped && !allows(compiled.ruleScopes[ruleIndex], kind: passages[p].kind) { continue }
                let weight = rule.weight * sectionWeight
                switch rule.kind {
                case .terms:
                    let range = hitRange(rule.termSet)
                    for k in range.lowerBound..<range.upperBound {
                        let hit = buffers.hits[k]
                        consider(Span(start: hit.start, end: hit.end), label: labelIndex, rule: ruleIndex, weight: weight, slot: slot)
                    }
                case .all:
                    allSpans(rule)
                    for s in 0..<spans.count { consider(spans[s], label: labelIndex, rule: ruleIndex, weight: weight, slot: slot) }
                case .regex:
                    for span in regexSpans(ruleIndex, text: passages[p].text) {
                        consider(span, label: labelIndex, rule: ruleIndex, weight: weight, slot: slot)
                    }
                }
            }
        }
        slot.candidateEnd = candidates.count
        slots.append(slot)
    }

    private mutating func scan(passage p: Int) {
        let scanned: Void? = passages[p].text.utf8.withContiguousStorageIfAvailable { bytes in
            automaton.scan(bytes, into: &buffers)
        }
        if scanned == nil {
            var copy = passages[p].text
            copy.withUTF8 { bytes in automaton.scan(bytes, into: &buffers) }
        }
    }

    /// Records the distinct term sets with hits, and lists the labels they (or a regex
    /// rule) make worth evaluating, in label order.
    private mutating func collectLabels() {
        candidateLabels.removeAll()
        if labelStamps.count < labelCount { labelStamps.fill(count: labelCount, with: -1) }
        let stamp = Int32(truncatingIfNeeded: current)
        for label in compiled.regexLabels where labelStamps[label] != stamp {
            labelStamps[label] = stamp
            candidateLabels.append(Int32(label))
        }
        var previous: Int32 = -1
        for k in 0..<buffers.hits.count {
            let set = buffers.hits[k].termSet
            if set == previous { continue }
            previous = set
            termSets.append(set)
            let from = Int(compiled.termSetLabelStart[Int(set)])
            let to = Int(compiled.termSetLabelStart[Int(set) + 1])
            for j in from..<to {
                let label = compiled.termSetLabels[j]
                if labelStamps[Int(label)] != stamp {
                    labelStamps[Int(label)] = stamp
                    candidateLabels.append(label)
                }
            }
        }
        if candidateLabels.count > 1 {
            var labels = candidateLabels.buffer
            labels.sort()
        }
    }

    private func allows(_ scope: CompiledCodebook.LowerScope, kind: PassageKind) -> Bool {
        // Asked of the verdict in place: a copy of it would retain its strings.
        if let allowed = verdict?.allows(scope, kind: kind) { return allowed }
        return SectionVerdict(section: "", compiled: compiled).allows(scope, kind: kind)
    }

    /// Indices of the hits of `set` in the hits (sorted by term set).
    func hitRange(_ set: Int32) -> Range<Int> {
        if set < 0 { return 0..<0 }
        let hits = buffers.hits.buffer
        var lo = 0, hi = hits.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hits[mid].termSet < set { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < hits.count && hits[end].termSet == set { end += 1 }
        return lo..<end
    }

    /// The spans where all term sets of an `all` rule occur within its distance: for each
    /// hit of the first set, the nearest hit of every other set.
    private mutating func allSpans(_ rule: CompiledCodebook.RulePlan) {
        spans.removeAll()
        setRanges.removeAll()
        if rule.setStart == rule.setEnd { return }
        for s in rule.setStart..<rule.setEnd {
            let range = hitRange(compiled.allSets[s])
            if range.isEmpty { return }
            setRanges.append(Span(start: Int32(range.lowerBound), end: Int32(range.upperBound)))
        }
        let hits = buffers.hits.buffer
        let first = setRanges[0]
        for anchorIndex in Int(first.start)..<Int(first.end) {
            let anchor = hits[anchorIndex]
            var lo = anchor.start, hi = anchor.end
            var maxStart = anchor.start, minEnd = anchor.end
            for r in 1..<setRanges.count {
                let range = setRanges[r]
                var best: TermHit? = nil
                var bestDistance = Int32.max
                for k in Int(range.start)..<Int(range.end) {
                    let other = hits[k]
                    let distance: Int32 = Swift.max(other.start - anchor.end, anchor.start - other.end, 0)
                    if distance < bestDistance { bestDistance = distance; best = other }
                }
                guard let chosen = best else { continue }
                lo = Swift.min(lo, chosen.start); hi = Swift.max(hi, chosen.end)
                maxStart = Swift.max(maxStart, chosen.start); minEnd = Swift.min(minEnd, chosen.end)
            }
            let span = Span(start: lo, end: hi)
            if maxStart - minEnd <= rule.within && !spans.buffer.contains(span) { spans.append(span) }
        }
    }

    /// The word spans of the matches of a regex rule.
    private func regexSpans(_ ruleIndex: Int, text: String) -> [Span] {
        guard case .regex(let box) = compiled.rules[ruleIndex].kind else { return [] }
        var result: [Span] = []
        for match in text.matches(of: box.regex) where !match.range.isEmpty {
            let byteStart = Int32(text.utf8.distance(from: text.startIndex, to: match.range.lowerBound))
            let byteEnd = Int32(text.utf8.distance(from: text.startIndex, to: match.range.upperBound))
            var first: Int32 = -1, last: Int32 = -1
            for w in 0..<buffers.wordCount where buffers.words[w].byteEnd > byteStart && buffers.words[w].byteStart < byteEnd {
                if first < 0 { first = Int32(w) }
                last = Int32(w)
            }
            if first >= 0 { result.append(Span(start: first, end: last + 1)) }
        }
        return result
    }

    /// Applies exclusions, negation and hedging to one span and records the outcome.
    private mutating func consider(_ span: Span, label labelIndex: Int, rule ruleIndex: Int, weight: Double, slot: PassageSlot) {
        let label = compiled.labelPlans[labelIndex]
        let (start, end) = (span.start, span.end)
        let first = buffers.words[Int(start)]
        let last = buffers.words[Int(end - 1)]
        var candidate = Candidate(
            label: labelIndex, rule: ruleIndex, start: start, end: end,
            scalarStart: first.scalarStart, scalarEnd: last.scalarEnd,
            byteStart: first.byteStart, byteEnd: last.byteEnd, weight: weight, direction: -1)
        let excluded = hitRange(label.excludeSet)
        for k in excluded.lowerBound..<excluded.upperBound where buffers.hits[k].start < end && buffers.hits[k].end > start {
            if explain { reject(passage: current, label: labelIndex, rule: ruleIndex, candidate: candidate, reason: "vetoed by an exclusion") }
            return
        }
        var action = CompiledCodebook.Action.keep
        if modified(start, end, by: compiled.negation) { action = label.negated }
        if action != .drop && label.hedged != .keep && modified(start, end, by: compiled.hedging) {
            action = label.hedged
        }
        switch action {
        case .keep: break
        case .drop:
            if explain {
                reject(passage: current, label: labelIndex, rule: ruleIndex, candidate: candidate, reason: "dropped by a negation or hedging cue")
            }
            return
        case .flip:
            guard label.opposite >= 0 else { return }
            candidate.label = label.opposite
        case .direction(let direction):
            candidate.direction = direction
        }
        for c in slot.candidateStart..<candidates.count {
            let other = candidates[c]
            if other.label == candidate.label && other.rule == candidate.rule && other.start == candidate.start && other.end == candidate.end {
                return
            }
        }
        candidates.append(candidate)
    }

    /// Whether a cue of `cues` stands within its window before or after `start..<end`, with
    /// no clause break or terminator in between.
    private func modified(_ start: Int32, _ end: Int32, by cues: CompiledCodebook.Cues) -> Bool {
        let window = Int32(cues.window)
        let before = hitRange(cues.before)
        for k in before.lowerBound..<before.upperBound {
            let cue = buffers.hits[k]
            if cue.end <= start && start - cue.end <= window && !blocked(cue.end, start, cues) { return true }
        }
        let after = hitRange(cues.after)
        for k in after.lowerBound..<after.upperBound {
            let cue = buffers.hits[k]
            if cue.start >= end && cue.start - end <= window && !blocked(end, cue.start, cues) { return true }
        }
        return false
    }

    /// A clause break before any word in `from...to`, or a terminator inside `from..<to`.
    private func blocked(_ from: Int32, _ to: Int32, _ cues: CompiledCodebook.Cues) -> Bool {
        var w = Int(from)
        while w <= Int(to) && w < buffers.wordCount {
            if buffers.words[w].clauseBreakBefore { return true }
            w += 1
        }
        let terminators = hitRange(cues.terminators)
        for k in terminators.lowerBound..<terminators.upperBound where buffers.hits[k].start >= from && buffers.hits[k].end <= to {
            return true
        }
        return false
    }
}
