/// A term of some term set found in a passage: words `start..<end` (word indices).
struct TermHit: Hashable {
    var termSet: Int32
    var start: Int32
    var end: Int32
}

/// Every term and phrase of a codebook compiled into one automaton, so that tagging costs
/// one pass over the text whatever the number of rules.
///
/// Two levels: hash tables over the vocabulary (every distinct word and wildcard prefix of
/// every term) turn each word of the text into the symbols it matches, while the text is
/// being cut into words; a trie over symbol sequences then finds the phrases, following all
/// phrase starts still alive (a phrase is a few words long, so that set stays tiny).
///
/// The word level hashes the lower-cased bytes of each word as it goes (a multiply per
/// byte, no dependent memory access), looks the whole word up once at its end, and looks prefixes up
/// only at the lengths some wildcard prefix has. A byte trie would do the same work with a
/// dependent table load per byte, which costs far more once the table leaves the L1 cache.
struct TermAutomaton: Sendable {
    struct Output: Sendable {
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
    let prefixPaths: [UInt64]
    /// The length of the shortest wildcard prefix: shorter starts of words are not checked.
    let shortestPrefix: Int
    // Phrase trie over symbols.
    let rootChild: [Int32]
    let childStart: [Int32]
    let childCount: [Int32]
    let childSymbol: [Int32]
    let childNode: [Int32]
    let outputStart: [Int32]
    let outputCount: [Int32]
    let outputs: [Output]
    let verifications: [[TokenPattern]]
    let termSetCount: Int

    /// Collects the phrases of every term set before compiling them.
    struct Builder {
        private var exactSymbols: [[UInt8]: Int32] = [:]
        private var prefixSymbols: [[UInt8]: Int32] = [:]
        private var symbolCount: Int32 = 0
        private var phraseChildren: [[Int32: Int32]] = [[:]]
        private var phraseOutputs: [[Output]] = [[]]
        private var verifications: [[TokenPattern]] = []
        private(set) var termSetCount = 0

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

        func build() -> TermAutomaton {
            var prefixLengths: UInt64 = 0
            var prefixPaths = [UInt64](repeating: 0, count: 1024)
            for word in prefixSymbols.keys {
                prefixLengths |= VocabularyTable.lengthBit(word.count)
                var h = VocabularyTable.seed
                for b in word {
                    h = VocabularyTable.hash(h, b)
                    let bit = VocabularyTable.filterBit(h)
                    prefixPaths[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
            var rootChild = [Int32](repeating: -1, count: Int(symbolCount))
            for (symbol, node) in phraseChildren[0] { rootChild[Int(symbol)] = node }
            var childStart: [Int32] = []
            var childCount: [Int32] = []
            var childSymbol: [Int32] = []
            var childNode: [Int32] = []
            var outputStart: [Int32] = []
            var outputCount: [Int32] = []
            var outputs: [Output] = []
            for node in phraseChildren.indices {
                childStart.append(Int32(childSymbol.count))
                childCount.append(Int32(phraseChildren[node].count))
                for (symbol, child) in phraseChildren[node].sorted(by: { $0.key < $1.key }) {
                    childSymbol.append(symbol)
                    childNode.append(child)
                }
                outputStart.append(Int32(outputs.count))
                outputCount.append(Int32(phraseOutputs[node].count))
                outputs += phraseOutputs[node]
            }
            return TermAutomaton(
                exactWords: VocabularyTable(exactSymbols), prefixWords: VocabularyTable(prefixSymbols),
                prefixLengths: prefixLengths, prefixPaths: prefixPaths,
                shortestPrefix: prefixSymbols.keys.map(\.count).min() ?? Int.max,
                rootChild: rootChild, childStart: childStart, childCount: childCount, childSymbol: childSymbol,
                childNode: childNode, outputStart: outputStart, outputCount: outputCount, outputs: outputs,
                verifications: verifications, termSetCount: termSetCount)
        }
    }
}

/// A set of lower-cased words with their symbols, in an open-addressing hash table keyed by
/// `hash(word)`; each slot keeps the word's bytes so that a hit is confirmed byte by byte.
/// A 64K-bit filter in front of the table answers "certainly not here" for nearly every
/// word of ordinary text with one load from the L1 cache.
struct VocabularyTable: Sendable {
    struct Slot: Sendable {
        /// -1 for an empty slot.
        var symbol: Int32
        var keyLength: Int32
        var keyStart: Int32
        var hash: UInt64
    }

    let slots: [Slot]
    let keys: [UInt8]
    let filter: [UInt64]
    let mask: Int
    let shift: UInt64

    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// FNV-1a over the lower-cased bytes (the caller lower-cases).
    @inline(__always)
    static func hash(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    static func lengthBit(_ length: Int) -> UInt64 {
        length < 63 ? 1 << UInt64(length) : 1 << 63
    }

    init(_ words: [[UInt8]: Int32]) {
        var bits = 4
        while (1 << bits) < 2 * words.count { bits += 1 }
        let size = 1 << bits
        var slots = [Slot](repeating: Slot(symbol: -1, keyLength: 0, keyStart: 0, hash: 0), count: size)
        var keys: [UInt8] = []
        var filter = [UInt64](repeating: 0, count: 1024)
        let shift = UInt64(64 - bits)
        // Sorted, so that the table does not depend on dictionary order.
        for (word, symbol) in words.sorted(by: { $0.value < $1.value }) {
            var h = Self.seed
            for b in word { h = Self.hash(h, b) }
            var index = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[index].symbol >= 0 { index = (index + 1) & (size - 1) }
            slots[index] = Slot(symbol: symbol, keyLength: Int32(word.count), keyStart: Int32(keys.count), hash: h)
            keys += word
            let bit = Self.filterBit(h)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.slots = slots
        self.keys = keys
        self.filter = filter
        self.mask = size - 1
        self.shift = shift
    }

    @inline(__always)
    static func filterBit(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0xC2B2_AE3D_27D4_EB4F) >> 48)
    }

    /// The symbol of the word whose lower-cased bytes hash to `h` and which is written as
    /// `text[start..<start + length]`, or -1.
    @inline(__always)
    func symbol(hash h: UInt64, text: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Int32 {
        let bit = Self.filterBit(h)
        if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return -1 }
        var index = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[index]
            if slot.symbol < 0 { return -1 }
            if slot.hash == h && Int(slot.keyLength) == length && matches(slot, text: text, start: start) {
                return slot.symbol
            }
            index = (index + 1) & mask
        }
    }

    private func matches(_ slot: Slot, text: UnsafeBufferPointer<UInt8>, start: Int) -> Bool {
        let from = Int(slot.keyStart)
        for j in 0..<Int(slot.keyLength) where lowerTable[Int(text[start + j])] != keys[from + j] { return false }
        return true
    }
}

/// One word of a scanned passage: byte range, Unicode-scalar range, and whether a clause
/// break (`.` `;` `:` `!` `?`) stands between it and the previous word.
struct ScannedWord {
    var byteStart: Int32
    var byteEnd: Int32
    var scalarStart: Int32
    var scalarEnd: Int32
    var clauseBreakBefore: Bool
}

/// A phrase of the phrase trie that is still alive: its node and first word.
struct ActivePhrase {
    var node: Int32
    var start: Int32
}

/// Reusable buffers for scanning passages, so that tagging a source allocates once. A value
/// passed `inout`, so that the hot loop pays no dynamic exclusivity checks.
struct ScanBuffers {
    var words: [ScannedWord] = []
    var hits: [TermHit] = []
    var symbols: [Int32] = []
    var active: [ActivePhrase] = []
    var nextActive: [ActivePhrase] = []

    var wordCount: Int { words.count }

    mutating func reset() {
        if !words.isEmpty { words.removeAll(keepingCapacity: true) }
        if !hits.isEmpty { hits.removeAll(keepingCapacity: true) }
        if !active.isEmpty { active.removeAll(keepingCapacity: true) }
    }
}

extension TermAutomaton {
    /// Cuts `text` into words and records every term hit in `buffers` (hits sorted by term
    /// set, then position, without duplicates).
    ///
    /// One pass over the bytes: each byte of a word advances the vocabulary trie (ASCII upper
    /// case folds to lower case through the byte classes), and each finished word advances
    /// the phrase trie.
    func scan(_ text: UnsafeBufferPointer<UInt8>, into buffers: inout ScanBuffers) {
        buffers.reset()
        let n = text.count
        let prefixLengths = self.prefixLengths
        let shortestPrefix = self.shortestPrefix
        kindsTable.withUnsafeBufferPointer { kinds in
        lowerTable.withUnsafeBufferPointer { lower in
        prefixPaths.withUnsafeBufferPointer { paths in
            var i = 0
            var scalar: Int32 = 0
            var pendingBreak = false
            while i < n {
                var b = text[i]
                var kind = kinds[Int(b)]
                var length = 1
                var isWord = kind == TextScanner.Kind.word.rawValue
                if !isWord && kind >= TextScanner.Kind.lead2.rawValue && kind <= TextScanner.Kind.lead4.rawValue {
                    length = Int(kind) - 1
                    isWord = !TextScanner.multiByteIsSeparator(lead: b, next: i + 1 < n ? text[i + 1] : 0)
                }
                if !isWord {
                    if kind == TextScanner.Kind.clauseBreak.rawValue { pendingBreak = true }
                    i += length
                    scalar += 1
                    continue
                }
                // A word starts at `i`: walk it to its end, hashing its lower-cased bytes.
                let wordStart = i
                let wordScalarStart = scalar
                if !buffers.symbols.isEmpty { buffers.symbols.removeAll(keepingCapacity: true) }
                var h = VocabularyTable.seed
                // Whether the word so far may still be the start of a wildcard prefix.
                var onPrefixPath = true
                while true {
                    if length == 1 {
                        h = VocabularyTable.hash(h, lower[Int(b)])
                        if onPrefixPath && i + 1 - wordStart >= shortestPrefix {
                            let bit = VocabularyTable.filterBit(h)
                            if paths[bit >> 6] & (1 << UInt64(bit & 63)) == 0 {
                                onPrefixPath = false
                            } else if prefixLengths & VocabularyTable.lengthBit(i + 1 - wordStart) != 0 {
                                let symbol = prefixWords.symbol(hash: h, text: text, start: wordStart, length: i + 1 - wordStart)
                                if symbol >= 0 { buffers.symbols.append(symbol) }
                            }
                        }
                    } else {
                        var k = 0
                        while k < length {
                            let c = i + k < n ? text[i + k] : 0
                            h = VocabularyTable.hash(h, lower[Int(c)])
                            let count = i + k + 1 - wordStart
                            if onPrefixPath && i + k < n && count >= shortestPrefix {
                                let bit = VocabularyTable.filterBit(h)
                                if paths[bit >> 6] & (1 << UInt64(bit & 63)) == 0 {
                                    onPrefixPath = false
                                } else if prefixLengths & VocabularyTable.lengthBit(count) != 0 {
                                    let symbol = prefixWords.symbol(hash: h, text: text, start: wordStart, length: count)
                                    if symbol >= 0 { buffers.symbols.append(symbol) }
                                }
                            }
                            k += 1
                        }
                    }
                    i += length
                    scalar += 1
                    if i >= n { break }
                    b = text[i]
                    kind = kinds[Int(b)]
                    length = 1
                    if kind == TextScanner.Kind.word.rawValue { continue }
                    if kind >= TextScanner.Kind.lead2.rawValue && kind <= TextScanner.Kind.lead4.rawValue {
                        length = Int(kind) - 1
                        if !TextScanner.multiByteIsSeparator(lead: b, next: i + 1 < n ? text[i + 1] : 0) { continue }
                    }
                    break
                }
                if i <= n {
                    let symbol = exactWords.symbol(hash: h, text: text, start: wordStart, length: i - wordStart)
                    if symbol >= 0 { buffers.symbols.append(symbol) }
                }
                let index = Int32(buffers.words.count)
                buffers.words.append(ScannedWord(
                    byteStart: Int32(wordStart), byteEnd: Int32(i), scalarStart: wordScalarStart,
                    scalarEnd: scalar, clauseBreakBefore: pendingBreak))
                pendingBreak = false
                if buffers.symbols.isEmpty && buffers.active.isEmpty { continue }
                step(word: index, text: text, buffers: &buffers)
            }
        }}}
        if buffers.hits.count > 1 {
            buffers.hits.sort { ($0.termSet, $0.start, $0.end) < ($1.termSet, $1.start, $1.end) }
            var kept = 1
            for k in 1..<buffers.hits.count where buffers.hits[k] != buffers.hits[kept - 1] {
                buffers.hits[kept] = buffers.hits[k]
                kept += 1
            }
            buffers.hits.removeSubrange(kept...)
        }
    }

    /// Advances the phrase trie by the symbols of word `index`.
    @inline(__always)
    private func step(word index: Int32, text: UnsafeBufferPointer<UInt8>, buffers: inout ScanBuffers) {
        if buffers.symbols.isEmpty {
            if !buffers.active.isEmpty { buffers.active.removeAll(keepingCapacity: true) }
            return
        }
        buffers.nextActive.removeAll(keepingCapacity: true)
        for s in buffers.symbols.indices {
            let child = rootChild[Int(buffers.symbols[s])]
            if child >= 0 {
                buffers.nextActive.append(ActivePhrase(node: child, start: index))
                emit(node: child, start: index, end: index + 1, text: text, buffers: &buffers)
            }
        }
        for a in buffers.active.indices {
            let phrase = buffers.active[a]
            let first = Int(childStart[Int(phrase.node)])
            let count = Int(childCount[Int(phrase.node)])
            if count == 0 { continue }
            for s in buffers.symbols.indices {
                let symbol = buffers.symbols[s]
                var k = first
                while k < first + count {
                    if childSymbol[k] == symbol {
                        let child = childNode[k]
                        buffers.nextActive.append(ActivePhrase(node: child, start: phrase.start))
                        emit(node: child, start: phrase.start, end: index + 1, text: text, buffers: &buffers)
                        break
                    }
                    k += 1
                }
            }
        }
        swap(&buffers.active, &buffers.nextActive)
    }

    @inline(__always)
    private func emit(node: Int32, start: Int32, end: Int32, text: UnsafeBufferPointer<UInt8>, buffers: inout ScanBuffers) {
        let count = Int(outputCount[Int(node)])
        if count == 0 { return }
        let first = Int(outputStart[Int(node)])
        for k in first..<(first + count) {
            let output = outputs[k]
            if output.verify >= 0 && !verify(verifications[Int(output.verify)], start: start, text: text, words: buffers.words) {
                continue
            }
            buffers.hits.append(TermHit(termSet: output.termSet, start: start, end: end))
        }
    }

    /// Case-sensitive terms: the words must be written exactly as in the codebook.
    private func verify(_ pattern: [TokenPattern], start: Int32, text: UnsafeBufferPointer<UInt8>, words: [ScannedWord]) -> Bool {
        for (offset, token) in pattern.enumerated() {
            let word = words[Int(start) + offset]
            let from = Int(word.byteStart)
            let to = Int(word.byteEnd)
            let length = token.original.count
            if token.isPrefix ? (to - from < length) : (to - from != length) { return false }
            for j in 0..<length where text[from + j] != token.original[j] { return false }
        }
        return true
    }
}

/// `TextScanner.kinds` as a stored constant for the hot loop.
private let kindsTable: [UInt8] = TextScanner.kinds
/// `TextScanner.lower` as a stored constant for the hot loop.
private let lowerTable: [UInt8] = TextScanner.lower
