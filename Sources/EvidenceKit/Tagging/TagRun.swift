/// Tagging one source: the passages, the compiled codebook, and every list the work needs,
/// kept in flat, reused storage instead of fresh arrays per passage.
///
/// Phase 1 (`TagRun+Candidates.swift`) scans each passage and turns the matches of the
/// labels whose terms occur into candidates; phase 2 (`TagRun+Decisions.swift`) applies
/// thresholds and context requirements, group by group; then (`TagRun+Output.swift`) the
/// results are built, with strings made only for the matches that count.
struct TagRun: ~Copyable {
    /// One piece of evidence before thresholds and context are applied.
    struct Candidate: BitwiseCopyable {
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

    /// A candidate added in phase 2 (the direction a negated match gives), for its passage.
    struct Extra: BitwiseCopyable {
        var passage: Int
        var candidate: Candidate
    }

    /// Where the results of phase 1 for one passage are in the flat lists.
    struct PassageSlot: BitwiseCopyable {
        var termSetStart: Int
        var termSetEnd: Int
        var candidateStart: Int
        var candidateEnd: Int
        var skipped: Bool
        /// Whether phase 2 assigned any label.
        var assignedAny: Bool
    }

    struct Span: BitwiseCopyable, Equatable {
        var start: Int32
        var end: Int32
    }

    /// Phase 2 gives `label` to `passage`.
    struct Decision: BitwiseCopyable {
        var passage: Int32
        var label: Int32
    }

    let compiled: CompiledCodebook
    let automaton: TermAutomaton
    /// The passages of the source being tagged (`begin`).
    private(set) var passages: [Passage] = []
    private(set) var explain = false
    let labelCount: Int
    var buffers = ScanBuffers()
    var slots = ScratchStack<PassageSlot>(capacity: 16)
    /// The distinct term sets with hits in each passage, sorted (`PassageSlot.termSetStart`).
    var termSets = ScratchStack<Int32>(capacity: 256)
    var candidates = ScratchStack<Candidate>(capacity: 64)
    var extras = ScratchStack<Extra>(capacity: 8)
    /// `assigned[p * labelCount + label]`: whether phase 2 gave passage `p` the label.
    var assigned = ScratchStack<Bool>(capacity: 256)
    /// Labels to evaluate in the current passage, and a stamp per label that says whether it
    /// is already in that list.
    var candidateLabels = ScratchStack<Int32>(capacity: 16)
    var labelStamps = ScratchStack<Int32>(capacity: 32)
    var spans = ScratchStack<Span>(capacity: 8)
    var setRanges = ScratchStack<Span>(capacity: 4)
    var labelsHere = ScratchStack<Int32>(capacity: 8)
    var decisions = ScratchStack<Decision>(capacity: 16)
    /// Per passage, when explaining.
    var rejections: [[Tagger.Rejection]]
    var verdict: SectionVerdict?
    /// Verdicts on the section names met so far, by name: sources share a handful of them.
    var verdicts: [String: SectionVerdict] = [:]
    /// The passage phase 1 works on.
    var current = 0

    /// A run for the codebook `compiled`; `begin` gives it a source.
    init(compiled: CompiledCodebook) {
        self.compiled = compiled
        automaton = compiled.automaton
        labelCount = compiled.labelPlans.count
        rejections = []
    }

    /// Readies the run for the passages of one source. The lists keep the memory earlier
    /// sources made them grow to, so a run that is reused (`TagRunPool`) allocates only
    /// for a source larger than any before it.
    mutating func begin(passages: [Passage], explain: Bool) {
        self.passages = passages
        self.explain = explain
        rejections = explain ? [[Tagger.Rejection]](repeating: [], count: passages.count) : []
        verdict = nil
        current = 0
        slots.removeAll()
        termSets.removeAll()
        candidates.removeAll()
        extras.removeAll()
        assigned.removeAll()
        candidateLabels.removeAll()
        labelStamps.removeAll()
        spans.removeAll()
        setRanges.removeAll()
        labelsHere.removeAll()
        decisions.removeAll()
    }

    /// Lets go of the source, so that a spare run holds no passage text.
    mutating func end() {
        passages = []
        rejections = []
    }

    /// The verdict on `section`, judged once per name.
    mutating func verdict(on section: String) -> SectionVerdict {
        if let known = verdicts[section] { return known }
        let judged = SectionVerdict(section: section, compiled: compiled)
        if verdicts.count >= Self.verdictLimit { verdicts.removeAll(keepingCapacity: true) }
        verdicts[section] = judged
        return judged
    }

    /// How many section verdicts a run keeps: more than the names of any real corpus.
    static let verdictLimit = 512

    /// Tags the source: one result per passage, in order.
    mutating func tags() -> [PassageTags] {
        // Each passage's text is asked for `TextPrefetch.distance` passages ahead of its scan.
        for p in 0..<min(TextPrefetch.distance, passages.count) { TextPrefetch.prefetchText(of: passages, at: p) }
        for p in passages.indices {
            current = p
            TextPrefetch.prefetchText(of: passages, at: p + TextPrefetch.distance)
            collectCandidates(passage: p)
        }
        decide()
        var result: [PassageTags] = []
        result.reserveCapacity(passages.count)
        for p in passages.indices { result.append(output(passage: p)) }
        return result
    }

    /// The words of `text` that a candidate spans, as written.
    func matchedText(_ text: String, _ candidate: Candidate) -> String {
        let from = Int(candidate.byteStart)
        let to = Int(candidate.byteEnd)
        if let fast = text.utf8.withContiguousStorageIfAvailable({ String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }) {
            return fast
        }
        let utf8 = text.utf8
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)], as: UTF8.self)
    }

    mutating func reject(passage p: Int, label: Int, rule: Int, candidate: Candidate, reason: String) {
        rejections[p].append(Tagger.Rejection(
            label: compiled.labelIDs[label], rule: compiled.ruleNames[rule],
            text: matchedText(passages[p].text, candidate), reason: reason))
    }
}
