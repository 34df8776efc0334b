/// Every term and phrase of a codebook compiled into one automaton, so that tagging costs
/// one pass over the text whatever the number of rules.
///
/// Two levels: hash tables over the vocabulary (every distinct word and wildcard prefix of
/// every term) turn each word of the text into the symbols it matches, while the text is
/// being cut into words; a trie over symbol sequences then finds the phrases, following all
/// phrase starts still alive (a phrase is a few words long, so that set stays tiny).
///
/// The word level hashes each lower-cased word a chunk of eight bytes at a time
/// (`WordHash`, no dependent memory access), looks the whole word up once, and looks
/// prefixes up only at the lengths some wildcard prefix has (`TermAutomaton+Scan.swift`).
/// A byte trie would do the same work with a dependent table load per byte, which costs far
/// more once the table leaves the L1 cache.
///
/// A class, so that a tagging run reaches all its tables through one reference.
final class TermAutomaton: Sendable {
    /// A node of the phrase trie: where its children and its outputs are. Kept in the
    /// edge that leads to it (`Child`, `roots`), so that stepping to a node reads the
    /// record it needs where it found the edge, without another dependent load.
    struct Node: Sendable, BitwiseCopyable {
        /// The node's children are `children[childStart..<childStart + childCount]`, sorted
        /// by symbol.
        var childStart: Int32
        var childCount: Int32
        /// The term sets a phrase ending at this node belongs to:
        /// `outputs[outputStart..<outputStart + outputCount]`.
        var outputStart: Int32
        var outputCount: Int32
    }

    /// An edge of the phrase trie: the next word's symbol and the node it leads to.
    struct Child: Sendable, BitwiseCopyable {
        var symbol: Int32
        var node: Node
    }

    struct Output: Sendable, BitwiseCopyable {
        var termSet: Int32
        /// Index into `verifications` for case-sensitive terms, else -1.
        var verify: Int32
    }

    /// Whole words of the vocabulary.
    let exactWords: VocabularyTable
    /// Wildcard prefixes (`manag` of `manag*`).
    let prefixWords: VocabularyTable
    /// Bit `min(n, 63)` is set when some wildcard prefix is `n` bytes long.
    let prefixLengths: UInt64
    /// A filter (64K bits, see `VocabularyTable.filterBit`) of the hashes of every start
    /// of every wildcard prefix (`m`, `ma`, ..., `manag`): once the start of a word is not
    /// in it, no wildcard prefix can match the word and its other lengths are not looked up.
    let prefixPaths: FlatTable<UInt64>
    /// A filter (64K bits) that says whether a word can begin with a wildcard prefix: the
    /// hashes of the first bytes (the gate length, `preferredGateLength` where prefixes are
    /// that long) of every prefix at least that long, and of every shorter prefix whole. A
    /// word is tested at the gate length and at the (at most two) lengths of the shorter
    /// prefixes (`gateMasks`). Tested at the length
    /// of the shortest prefix only (three bytes in the default codebook), a third of all
    /// words would pass (`pro`, `con`, `pat`); at five bytes, a fifth.
    let prefixGate: FlatTable<UInt64>
    /// The filter of `exactWords` (`VocabularyTable.makeFilter`) for the words that begin some
    /// term, and `prefixGate` for the prefixes that do: while no phrase is under way, a word
    /// that can only continue one (`of`, `and`, `in`: a third of the vocabulary words in
    /// the text) need not be looked up.
    let phraseStartWords: FlatTable<UInt64>
    let phraseStartGate: FlatTable<UInt64>
    /// Masks of a chunk's first bytes at the gate length and at the lengths of the (at most
    /// two) prefixes shorter than that (the gate length again where there are fewer than
    /// two).
    let gateMasks: (UInt64, UInt64, UInt64)
    /// The length of the shortest wildcard prefix: shorter starts of words are not checked.
    let shortestPrefix: Int
    /// The length of the longest wildcard prefix: longer starts of words are not checked.
    let longestPrefix: Int
    // Phrase trie over symbols.
    /// The node a phrase whose first word has a symbol starts at, by symbol; a node
    /// without children or outputs where no phrase starts with the symbol.
    let roots: FlatTable<Node>
    /// The edges of all nodes, each node's together (`Node.childStart`).
    let children: FlatTable<Child>
    let outputs: FlatTable<Output>
    let verifications: [[TokenPattern]]
    let termSetCount: Int
    /// `TextScanner.kinds`, held here so that the scan reads it without the
    /// lazy-initialisation check of a global.
    let kinds = FlatTable(TextScanner.kinds)
    /// For each byte: its lower case when it is an ASCII letter or digit, else 0. The byte
    /// walk of passages with non-ASCII text tells ASCII word bytes by it.
    let asciiWordFold = FlatTable(TextScanner.asciiWordFold)

    /// How many bytes of a word `prefixGate` looks at when prefixes are that long.
    static let preferredGateLength = 5
    /// The gate looks at no more than a word's first chunk (`WordHash.hash(chunk:count:)`).
    static let longestGateLength = 8

    /// Collects the phrases of every term set before compiling them.
    struct Builder {
        fileprivate var exactSymbols: [[UInt8]: Int32] = [:]
        fileprivate var prefixSymbols: [[UInt8]: Int32] = [:]
        fileprivate var symbolCount: Int32 = 0
        fileprivate var phraseChildren: [[Int32: Int32]] = [[:]]
        fileprivate var phraseOutputs: [[Output]] = [[]]
        fileprivate var verifications: [[TokenPattern]] = []
        fileprivate(set) var termSetCount = 0

        /// A fresh term set id.
        mutating func newTermSet() -> Int32 {
            termSetCount += 1
            return Int32(termSetCount - 1)
        }

        /// Adds one word sequence of a term to `termSet`.
        mutating func add(_ sequence: [TokenPattern], termSet: Int32, caseSensitive: Bool) {
            var node: Int32 = 0
            for token in sequence {
                let symbol = self.symbol(for: token)
                if let child = phraseChildren[Int(node)][symbol] {
                    node = child
                } else {
                    let child = Int32(phraseChildren.count)
                    phraseChildren.append([:])
                    phraseOutputs.append([])
                    phraseChildren[Int(node)][symbol] = child
                    node = child
                }
            }
            var verify: Int32 = -1
            if caseSensitive && sequence.contains(where: { $0.key != $0.original }) {
                verify = Int32(verifications.count)
                verifications.append(sequence)
            }
            let output = Output(termSet: termSet, verify: verify)
            if !phraseOutputs[Int(node)].contains(where: { $0.termSet == termSet && $0.verify == verify }) {
                phraseOutputs[Int(node)].append(output)
            }
        }

        private mutating func symbol(for token: TokenPattern) -> Int32 {
            if token.isPrefix {
                if let s = prefixSymbols[token.key] { return s }
                prefixSymbols[token.key] = symbolCount
            } else {
                if let s = exactSymbols[token.key] { return s }
                exactSymbols[token.key] = symbolCount
            }
            symbolCount += 1
            return symbolCount - 1
        }
    }

    /// Compiles the phrases collected by `builder`.
    init(_ builder: Builder) {
        let prefixSymbols = builder.prefixSymbols
        let phraseChildren = builder.phraseChildren
        let phraseOutputs = builder.phraseOutputs
        let symbolCount = builder.symbolCount
        var prefixLengths: UInt64 = 0
        for word in prefixSymbols.keys { prefixLengths |= VocabularyTable.lengthBit(word.count) }
        // Each node's children take consecutive places, in node order.
        var nodes: [Node] = []
        var childCount: Int32 = 0
        var outputCount: Int32 = 0
        for node in phraseChildren.indices {
            nodes.append(Node(
                childStart: childCount, childCount: Int32(phraseChildren[node].count),
                outputStart: outputCount, outputCount: Int32(phraseOutputs[node].count)))
            childCount += Int32(phraseChildren[node].count)
            outputCount += Int32(phraseOutputs[node].count)
        }
        let empty = Node(childStart: 0, childCount: 0, outputStart: 0, outputCount: 0)
        var roots = [Node](repeating: empty, count: Int(symbolCount))
        for (symbol, node) in phraseChildren[0] { roots[Int(symbol)] = nodes[Int(node)] }
        let children = phraseChildren.flatMap { edges in
            edges.sorted(by: { $0.key < $1.key }).map { Child(symbol: $0.key, node: nodes[Int($0.value)]) }
        }
        let outputs = phraseOutputs.flatMap { $0 }
        exactWords = VocabularyTable(builder.exactSymbols)
        prefixWords = VocabularyTable(prefixSymbols)
        self.prefixLengths = prefixLengths
        prefixPaths = VocabularyTable.makeFilter(prefixSymbols.keys.flatMap { word in
            (1...word.count).map { WordHash.hash(Array(word.prefix($0))) }
        })
        let lengths = Set(prefixSymbols.keys.map(\.count)).sorted()
        var gateLength = Self.preferredGateLength
        if lengths.count > 2 { gateLength = min(gateLength, lengths[2]) }
        gateLength = min(max(lengths.first ?? Int.max, min(gateLength, lengths.last ?? 0)), Self.longestGateLength)
        func gate(_ words: some Sequence<[UInt8]>) -> FlatTable<UInt64> {
            VocabularyTable.makeFilter(words.map { WordHash.hash(Array($0.prefix(gateLength))) })
        }
        let startsPhrase = { (symbol: Int32) in phraseChildren[0][symbol] != nil }
        prefixGate = gate(prefixSymbols.keys)
        phraseStartGate = gate(prefixSymbols.filter { startsPhrase($0.value) }.keys)
        phraseStartWords = VocabularyTable.makeFilter(builder.exactSymbols.filter { startsPhrase($0.value) }.keys.map(WordHash.hash))
        let shortLengths = lengths.filter { $0 < gateLength } + [gateLength, gateLength]
        gateMasks = (WordHash.mask(gateLength), WordHash.mask(shortLengths[0]), WordHash.mask(shortLengths[1]))
        shortestPrefix = prefixSymbols.keys.map(\.count).min() ?? Int.max
        longestPrefix = prefixSymbols.keys.map(\.count).max() ?? 0
        self.roots = FlatTable(roots)
        self.children = FlatTable(children)
        self.outputs = FlatTable(outputs)
        verifications = builder.verifications
        termSetCount = builder.termSetCount
    }
}
