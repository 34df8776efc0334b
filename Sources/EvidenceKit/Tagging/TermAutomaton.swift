/// A term of some term set found in a passage: words `start..<end` (word indices).
struct TermHit: Hashable {
    var termSet: Int32
    var start: Int32
    var end: Int32
}

/// Every term and phrase of a codebook compiled into one automaton, so that tagging costs
/// one pass over the text whatever the number of rules.
///
/// Two levels: a byte trie over the vocabulary (every distinct word and wildcard prefix of
/// every term) turns each word of the text into the symbols it matches, while the text is
/// being cut into words; a trie over symbol sequences then finds the phrases, following all
/// phrase starts still alive (a phrase is a few words long, so that set stays tiny).
struct TermAutomaton: Sendable {
    struct Output: Sendable {
        var termSet: Int32
        /// Index into `verifications` for case-sensitive terms, else -1.
        var verify: Int32
    }

    // Vocabulary trie: `trie[node * classCount + class]` is the next node or -1.
    let byteClass: [Int32]
    let classCount: Int
    let trie: [Int32]
    let exactSymbol: [Int32]
    let prefixSymbol: [Int32]
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
            // Byte classes: one per distinct byte used by the vocabulary; upper-case ASCII
            // shares the class of its lower-case letter.
            var byteClass = [Int32](repeating: 0, count: 256)
            var classCount: Int32 = 1
            let words = Array(exactSymbols.keys) + Array(prefixSymbols.keys)
            for word in words {
                for b in word where byteClass[Int(b)] == 0 {
                    byteClass[Int(b)] = classCount
                    classCount += 1
                }
            }
            for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
                byteClass[Int(upper)] = byteClass[Int(upper + 32)]
            }
            let width = Int(classCount)
            var trie = [Int32](repeating: -1, count: width)
            var exact: [Int32] = [-1]
            var prefix: [Int32] = [-1]
            func insert(_ word: [UInt8]) -> Int {
                var node = 0
                for b in word {
                    let slot = node * width + Int(byteClass[Int(b)])
                    if trie[slot] < 0 {
                        trie[slot] = Int32(exact.count)
                        trie += [Int32](repeating: -1, count: width)
                        exact.append(-1)
                        prefix.append(-1)
                    }
                    node = Int(trie[slot])
                }
                return node
            }
            for (word, symbol) in exactSymbols { exact[insert(word)] = symbol }
            for (word, symbol) in prefixSymbols { prefix[insert(word)] = symbol }

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
                byteClass: byteClass, classCount: width, trie: trie, exactSymbol: exact, prefixSymbol: prefix,
                rootChild: rootChild, childStart: childStart, childCount: childCount, childSymbol: childSymbol,
                childNode: childNode, outputStart: outputStart, outputCount: outputCount, outputs: outputs,
                verifications: verifications, termSetCount: termSetCount)
        }
    }
}

/// Reusable buffers for scanning passages, so that tagging a source allocates once.
final class ScanBuffers {
    var byteStart: [Int32] = []
    var byteEnd: [Int32] = []
    var scalarStart: [Int32] = []
    var scalarEnd: [Int32] = []
    var clauseBreakBefore: [Bool] = []
    var hits: [TermHit] = []
    var symbols: [Int32] = []
    var active: [(node: Int32, start: Int32)] = []
    var nextActive: [(node: Int32, start: Int32)] = []

    var wordCount: Int { byteStart.count }

    func reset() {
        byteStart.removeAll(keepingCapacity: true)
        byteEnd.removeAll(keepingCapacity: true)
        scalarStart.removeAll(keepingCapacity: true)
        scalarEnd.removeAll(keepingCapacity: true)
        clauseBreakBefore.removeAll(keepingCapacity: true)
        hits.removeAll(keepingCapacity: true)
        active.removeAll(keepingCapacity: true)
    }
}

extension TermAutomaton {
    /// Cuts `text` into words and records every term hit in `buffers` (hits sorted by term
    /// set, then position, without duplicates).
    func scan(_ text: UnsafeBufferPointer<UInt8>, into buffers: ScanBuffers) {
        buffers.reset()
        let n = text.count
        kindsTable.withUnsafeBufferPointer { kinds in
        byteClass.withUnsafeBufferPointer { classes in
        trie.withUnsafeBufferPointer { trie in
        prefixSymbol.withUnsafeBufferPointer { prefixSymbol in
            var i = 0
            var scalar: Int32 = 0
            var inWord = false
            var pendingBreak = false
            var node = 0
            var wordStart = 0
            var wordScalarStart: Int32 = 0
            var wordBreak = false
            let width = classCount
            while true {
                var isWord = false
                var length = 1
                var b: UInt8 = 0
                if i < n {
                    b = text[i]
                    switch kinds[Int(b)] {
                    case 1: isWord = true
                    case 3, 4, 5:
                        length = Int(kinds[Int(b)]) - 1
                        let next: UInt8 = i + 1 < n ? text[i + 1] : 0
                        isWord = !TextScanner.multiByteIsSeparator(lead: b, next: next)
                    default: break
                    }
                }
                if isWord {
                    if !inWord {
                        inWord = true
                        node = 0
                        wordStart = i
                        wordScalarStart = scalar
                        wordBreak = pendingBreak
                        pendingBreak = false
                        buffers.symbols.removeAll(keepingCapacity: true)
                    }
                    var k = 0
                    while k < length && node >= 0 {
                        let c = i + k < n ? text[i + k] : 0
                        node = Int(trie[node * width + Int(classes[Int(c)])])
                        if node >= 0 && prefixSymbol[node] >= 0 { buffers.symbols.append(prefixSymbol[node]) }
                        k += 1
                    }
                } else {
                    if inWord {
                    inWord = false
                    if node >= 0 && exactSymbol[node] >= 0 { buffers.symbols.append(exactSymbol[node]) }
                    let index = Int32(buffers.byteStart.count)
                    buffers.byteStart.append(Int32(wordStart))
                    buffers.byteEnd.append(Int32(i))
                    buffers.scalarStart.append(wordScalarStart)
                    buffers.scalarEnd.append(scalar)
                    buffers.clauseBreakBefore.append(wordBreak)
                    step(word: index, text: text, buffers: buffers)
                    }
                    if i < n && kinds[Int(b)] == 2 { pendingBreak = true }
                }
                if i >= n { break }
                i += length
                scalar += 1
            }
        }}}}
        if buffers.hits.count > 1 {
            buffers.hits.sort { ($0.termSet, $0.start, $0.end) < ($1.termSet, $1.start, $1.end) }
            var unique: [TermHit] = []
            unique.reserveCapacity(buffers.hits.count)
            for hit in buffers.hits where unique.last != hit { unique.append(hit) }
            buffers.hits = unique
        }
    }

    /// Advances the phrase trie by the symbols of word `index`.
    @inline(__always)
    private func step(word index: Int32, text: UnsafeBufferPointer<UInt8>, buffers: ScanBuffers) {
        buffers.nextActive.removeAll(keepingCapacity: true)
        if buffers.symbols.isEmpty {
            buffers.active.removeAll(keepingCapacity: true)
            return
        }
        for symbol in buffers.symbols {
            let child = rootChild[Int(symbol)]
            if child >= 0 {
                buffers.nextActive.append((child, index))
                emit(node: child, start: index, end: index + 1, text: text, buffers: buffers)
            }
        }
        for (node, start) in buffers.active {
            let first = Int(childStart[Int(node)])
            let count = Int(childCount[Int(node)])
            if count == 0 { continue }
            for symbol in buffers.symbols {
                var k = first
                while k < first + count {
                    if childSymbol[k] == symbol {
                        let child = childNode[k]
                        buffers.nextActive.append((child, start))
                        emit(node: child, start: start, end: index + 1, text: text, buffers: buffers)
                        break
                    }
                    k += 1
                }
            }
        }
        swap(&buffers.active, &buffers.nextActive)
    }

    @inline(__always)
    private func emit(node: Int32, start: Int32, end: Int32, text: UnsafeBufferPointer<UInt8>, buffers: ScanBuffers) {
        let count = Int(outputCount[Int(node)])
        if count == 0 { return }
        let first = Int(outputStart[Int(node)])
        for k in first..<(first + count) {
            let output = outputs[k]
            if output.verify >= 0 && !verify(verifications[Int(output.verify)], start: start, text: text, buffers: buffers) {
                continue
            }
            buffers.hits.append(TermHit(termSet: output.termSet, start: start, end: end))
        }
    }

    /// Case-sensitive terms: the words must be written exactly as in the codebook.
    private func verify(_ pattern: [TokenPattern], start: Int32, text: UnsafeBufferPointer<UInt8>, buffers: ScanBuffers) -> Bool {
        for (offset, token) in pattern.enumerated() {
            let word = Int(start) + offset
            let from = Int(buffers.byteStart[word])
            let to = Int(buffers.byteEnd[word])
            let length = token.original.count
            if token.isPrefix ? (to - from < length) : (to - from != length) { return false }
            for j in 0..<length where text[from + j] != token.original[j] { return false }
        }
        return true
    }
}

/// `TextScanner.kinds` as a stored constant for the hot loop.
private let kindsTable: [UInt8] = TextScanner.kinds
