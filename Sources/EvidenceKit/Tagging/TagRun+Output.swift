extension TagRun {
    // MARK: Output

    /// The result for passage `p`. Strings (label ids, rule names, matched words) are made
    /// only here, and only for passages that got a label and for the matches that count.
    func output(passage p: Int) -> PassageTags {
        if p >= slots.count || !slots[p].assignedAny { return PassageTags() }
        var tags = PassageTags()
        let row = p * labelCount
        for labelIndex in 0..<labelCount where assigned[row + labelIndex] {
            let id = compiled.labelIDs[labelIndex]
            switch compiled.labelPlans[labelIndex].group {
            case .actors: tags.actors.append(id)
            case .factors: tags.factors.append(id)
            case .direction: tags.direction.append(id)
            }
        }
        tags.actors.sort()
        tags.factors.sort()
        tags.direction.sort()
        let text = passages[p].text
        let slot = slots[p]
        for c in slot.candidateStart..<slot.candidateEnd where assigned[row + candidates[c].label] {
            tags.matches.append(match(candidates[c], text: text))
        }
        for e in 0..<extras.count where extras[e].passage == p && assigned[row + extras[e].candidate.label] {
            tags.matches.append(match(extras[e].candidate, text: text))
        }
        tags.matches.sort { ($0.start, $0.end, $0.label, $0.rule) < ($1.start, $1.end, $1.label, $1.rule) }
        return tags
    }

    private func match(_ candidate: Candidate, text: String) -> TagMatch {
        TagMatch(
            rule: compiled.ruleNames[candidate.rule], label: compiled.labelIDs[candidate.label],
            text: matchedText(text, candidate), start: Int(candidate.scalarStart), end: Int(candidate.scalarEnd))
    }
}
