extension TagRun {
    // MARK: Phase 2: thresholds and context, group by group

    /// Decides the labels of every passage, one label group at a time (actors, factors,
    /// direction), so that context requirements may look back at groups already decided.
    /// A passage's candidates are its phase-1 candidates followed by the extras that earlier
    /// groups added, in that order; scores are summed in that order.
    mutating func decide() {
        assigned.fill(count: passages.count * labelCount, with: false)
        for group in compiled.groupOrder {
            decisions.removeAll()
            for p in 0..<slots.count {
                let slot = slots[p]
                if slot.skipped || (slot.candidateStart == slot.candidateEnd && !hasExtras(p)) { continue }
                collectLabelsHere(passage: p, group: group)
                for l in 0..<labelsHere.count {
                    let labelIndex = Int(labelsHere[l])
                    let label = compiled.labelPlans[labelIndex]
                    let score = self.score(passage: p, label: labelIndex)
                    if score + 1e-9 < label.threshold {
                        if explain { rejectAll(labelIndex, passage: p, reason: "below the threshold \(label.threshold)") }
                        continue
                    }
                    if label.hasContext && !contextHolds(for: labelIndex, passage: p) {
                        if explain { rejectAll(labelIndex, passage: p, reason: "context requirement not met") }
                        continue
                    }
                    decisions.append(Decision(passage: Int32(p), label: Int32(labelIndex)))
                }
            }
            for d in 0..<decisions.count {
                let p = Int(decisions[d].passage)
                let labelIndex = Int(decisions[d].label)
                assigned[p * labelCount + labelIndex] = true
                slots[p].assignedAny = true
                // Negated factor or actor matches that give a direction.
                let slot = slots[p]
                for c in slot.candidateStart..<slot.candidateEnd where candidates[c].label == labelIndex && candidates[c].direction >= 0 {
                    addExtra(from: candidates[c], passage: p)
                }
                let extraCount = extras.count
                for e in 0..<extraCount where extras[e].passage == p && extras[e].candidate.label == labelIndex && extras[e].candidate.direction >= 0 {
                    addExtra(from: extras[e].candidate, passage: p)
                }
            }
        }
    }

    private mutating func addExtra(from candidate: Candidate, passage p: Int) {
        var extra = candidate
        extra.label = candidate.direction
        extra.direction = -1
        extras.append(Extra(passage: p, candidate: extra))
    }

    private func hasExtras(_ p: Int) -> Bool {
        for e in 0..<extras.count where extras[e].passage == p { return true }
        return false
    }

    /// The labels of `group` among the candidates of passage `p`, in order of first appearance.
    private mutating func collectLabelsHere(passage p: Int, group: LabelGroup) {
        labelsHere.removeAll()
        let slot = slots[p]
        for c in slot.candidateStart..<slot.candidateEnd { noteLabel(candidates[c].label, group: group) }
        for e in 0..<extras.count where extras[e].passage == p { noteLabel(extras[e].candidate.label, group: group) }
    }

    private mutating func noteLabel(_ label: Int, group: LabelGroup) {
        if compiled.labelPlans[label].group != group { return }
        for l in 0..<labelsHere.count where labelsHere[l] == Int32(label) { return }
        labelsHere.append(Int32(label))
    }

    private func score(passage p: Int, label: Int) -> Double {
        var score = 0.0
        let slot = slots[p]
        for c in slot.candidateStart..<slot.candidateEnd where candidates[c].label == label { score += candidates[c].weight }
        for e in 0..<extras.count where extras[e].passage == p && extras[e].candidate.label == label { score += extras[e].candidate.weight }
        return score
    }

    private mutating func rejectAll(_ labelIndex: Int, passage p: Int, reason: String) {
        let slot = slots[p]
        for c in slot.candidateStart..<slot.candidateEnd where candidates[c].label == labelIndex {
            reject(passage: p, label: labelIndex, rule: candidates[c].rule, candidate: candidates[c], reason: reason)
        }
        for e in 0..<extras.count where extras[e].passage == p && extras[e].candidate.label == labelIndex {
            reject(passage: p, label: labelIndex, rule: extras[e].candidate.rule, candidate: extras[e].candidate, reason: reason)
        }
    }

    private func contextHolds(for labelIndex: Int, passage p: Int) -> Bool {
        for context in compiled.labels[labelIndex].context where !contextHolds(context, passage: p) { return false }
        return true
    }

    private func contextHolds(_ context: CompiledCodebook.Context, passage p: Int) -> Bool {
        func holds(in q: Int) -> Bool {
            if context.termSet >= 0 && hasTermSet(context.termSet, passage: q) { return true }
            return context.labels.contains { assigned[q * labelCount + $0] }
        }
        switch context.level {
        case .sentence: return holds(in: p)
        case .paragraph:
            let paragraph = passages[p].paragraph
            return passages.indices.contains { passages[$0].paragraph == paragraph && holds(in: $0) }
        case .source: return passages.indices.contains { holds(in: $0) }
        }
    }

    /// Whether term set `set` has hits in passage `q` (its term sets are sorted).
    private func hasTermSet(_ set: Int32, passage q: Int) -> Bool {
        let slot = slots[q]
        var lo = slot.termSetStart, hi = slot.termSetEnd
        while lo < hi {
            let mid = (lo + hi) / 2
            if termSets[mid] < set { lo = mid + 1 } else { hi = mid }
        }
        return lo < slot.termSetEnd && termSets[lo] == set
    }
}
