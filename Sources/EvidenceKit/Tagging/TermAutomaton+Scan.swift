extension TermAutomaton {
    /// Cuts `text` into words and records every term hit in `buffers` (hits sorted by term
    /// set, then position, without duplicates).
    ///
    /// First the passage is lower-cased and its word bytes and clause breaks marked, eight
    /// bytes at a time (`ScanBuffers.fold`). In an all-ASCII passage (nine in ten) the words
    /// are then read off the bitmap of word bytes, without a loop over their bytes; other
    /// passages are walked byte by byte, to tell multi-byte letters from multi-byte
    /// separators and to count Unicode scalars. Either way each word goes to `visit`.
    func scan(_ text: UnsafeBufferPointer<UInt8>, into buffers: inout ScanBuffers) {
        let n = text.count
        buffers.prepare(byteCount: n)
        guard n > 0, let p = text.baseAddress else { return }
        if buffers.fold(p, count: n) {
            scanASCII(text: p, into: &buffers)
        } else {
            scanUnicode(text: p, count: n, into: &buffers)
        }
        finishHits(&buffers.hits)
    }

    /// The words of an all-ASCII passage: runs of set bits in `buffers.wordBits`, with a
    /// clause break before a word when `buffers.breakBits` has a bit in the gap before it.
    /// Byte offsets are scalar offsets.
    private func scanASCII(text: UnsafePointer<UInt8>, into buffers: inout ScanBuffers) {
        let wordBits = buffers.wordBits.base
        let breakBits = buffers.breakBits.base
        let bitWordCount = buffers.wordBits.count
        var position = 0
        while true {
            var index = position >> 6
            var bits = wordBits[index] & (UInt64.max &<< UInt64(position & 63))
            while bits == 0 {
                index += 1
                if index >= bitWordCount { return }
                bits = wordBits[index]
            }
            let start = index << 6 | bits.trailingZeroBitCount
            // The bitmap ends in a zero word, so the word ends before it.
            var rest = ~wordBits[index] & (UInt64.max &<< UInt64(start & 63))
            while rest == 0 {
                index += 1
                rest = ~wordBits[index]
            }
            let end = index << 6 | rest.trailingZeroBitCount
            let word = ScannedWord(
                byteStart: Int32(start), byteEnd: Int32(end), scalarStart: Int32(start), scalarEnd: Int32(end),
                clauseBreakBefore: Self.anyBit(breakBits, from: position, to: start))
            visit(word, lengthInText: end - start, text: text, buffers: &buffers)
            position = end
        }
    }

    /// Whether `bits` has a bit set at a position in `from..<to`.
    @inline(__always)
    private static func anyBit(_ bits: UnsafeMutablePointer<UInt64>, from: Int, to: Int) -> Bool {
        if from >= to { return false }
        var index = from >> 6
        let last = (to - 1) >> 6
        var word = bits[index] & (UInt64.max &<< UInt64(from & 63))
        while index < last {
            if word != 0 { return true }
            index += 1
            word = bits[index]
        }
        return word & (UInt64.max &>> UInt64(63 - ((to - 1) & 63))) != 0
    }

    /// The words of a passage with non-ASCII bytes, walked byte by byte: ASCII letters and
    /// digits and multi-byte letters make words; a multi-byte separator (see `TextScanner`)
    /// does not.
    private func scanUnicode(text p: UnsafePointer<UInt8>, count n: Int, into buffers: inout ScanBuffers) {
        let kinds = self.kinds.base
        let fold = asciiWordFold.base
        let lead2 = TextScanner.Kind.lead2.rawValue
        let lead4 = TextScanner.Kind.lead4.rawValue
        var i = 0
        var scalar: Int32 = 0
        var pendingBreak = false
        while i < n {
            let first = p[i]
            if fold[Int(first)] == 0 {
                // Not an ASCII word byte: a separator, a clause break, or a multi-byte character.
                let kind = kinds[Int(first)]
                var length = 1
                var isWord = false
                if kind >= lead2 && kind <= lead4 {
                    length = Int(kind) - 1
                    isWord = !TextScanner.multiByteIsSeparator(lead: first, next: i + 1 < n ? p[i + 1] : 0)
                }
                if !isWord {
                    if kind == TextScanner.Kind.clauseBreak.rawValue { pendingBreak = true }
                    i += length
                    scalar += 1
                    continue
                }
            }
            let wordStart = i
            // Bytes of multi-byte characters beyond their first: the word has
            // `i - wordStart - continuationBytes` Unicode scalars.
            var continuationBytes = 0
            while true {
                while i < n && fold[Int(p[i])] != 0 { i += 1 }
                if i >= n { break }
                // A multi-byte letter continues the word; anything else ends it.
                let b = p[i]
                let kind = kinds[Int(b)]
                if kind < lead2 || kind > lead4 { break }
                if TextScanner.multiByteIsSeparator(lead: b, next: i + 1 < n ? p[i + 1] : 0) { break }
                let length = Int(kind) - 1
                i += length
                continuationBytes += length - 1
            }
            let scalarStart = scalar
            scalar += Int32(i - wordStart - continuationBytes)
            let word = ScannedWord(
                byteStart: Int32(wordStart), byteEnd: Int32(i), scalarStart: scalarStart, scalarEnd: scalar,
                clauseBreakBefore: pendingBreak)
            // A multi-byte character cut off at the end leaves `i` past the text: such a word
            // is looked up by its prefixes only.
            visit(word, lengthInText: min(i, n) - wordStart, text: p, buffers: &buffers)
            pendingBreak = false
        }
    }

    /// Records `word` (`lengthInText` of its bytes are in the text) and advances the phrase
    /// trie by the symbols it matches.
    ///
    /// One test, without branches, of whether the word can be in the vocabulary or start
    /// with a wildcard prefix: many words are neither, and whether a word is cannot be
    /// predicted, so one mispredicted branch per word instead of several. The prefix gate
    /// (`prefixGate`) is asked about the word's first bytes at the gate length and at the
    /// lengths of the shorter prefixes (`gateMasks`; a word shorter than that is asked about
    /// whole: a rare false "maybe", which the full checks undo). Only then is the whole word looked
    /// up, or its starts (at the lengths prefixes have), or both.
    @inline(__always)
    private func visit(_ word: ScannedWord, lengthInText: Int, text: UnsafePointer<UInt8>, buffers: inout ScanBuffers) {
        let start = Int(word.byteStart)
        let length = Int(word.byteEnd) - start
        let lowered = UnsafeRawPointer(buffers.lowered.base) + start
        let inPhrase = buffers.active.count != 0
        let gate = inPhrase ? prefixGate.base : phraseStartGate.base
        // The word's first chunk with the bytes past its end masked off: the key of any
        // start of it is this with a shorter mask.
        let key = WordHash.chunk(lowered, 0) & WordHash.mask(min(length, 8))
        let wordHash = length <= 8 ? WordHash.hash(key: key) : WordHash.hash(lowered, count: length)
        let inVocabulary = VocabularyTable.filterBits(inPhrase ? exactWords.filter.base : phraseStartWords.base, wordHash)
        let mayHavePrefix = VocabularyTable.filterBits(gate, WordHash.hash(key: key & gateMasks.0))
            | VocabularyTable.filterBits(gate, WordHash.hash(key: key & gateMasks.1))
            | VocabularyTable.filterBits(gate, WordHash.hash(key: key & gateMasks.2))
        let symbols = buffers.symbols.base
        var symbolCount = 0
        if inVocabulary | mayHavePrefix != 0 {
            // Only the lookups the filters allow: most words that get here are whole
            // words of the vocabulary (`of`, `care`) with no wildcard prefix to check.
            if mayHavePrefix != 0 && shortestPrefix <= longestPrefix {
                prefixSymbols(lowered, length: lengthInText, symbols: symbols, symbolCount: &symbolCount)
            }
            if inVocabulary != 0 && lengthInText == length {
                let symbol = exactWords.probe(hash: wordHash, word: lowered, length: length)
                if symbol >= 0 {
                    symbols[symbolCount] = symbol
                    symbolCount += 1
                }
            }
        }
        let index = buffers.words.count
        buffers.words.base[index] = word
        buffers.words.setCount(index + 1)
        if symbolCount == 0 {
            buffers.active.removeAll()
            return
        }
        step(word: Int32(index), symbols: symbols, symbolCount: symbolCount, text: text, buffers: &buffers)
    }

    /// The wildcard prefixes the lower-cased word of `length` bytes at `word` starts with,
    /// shortest first. Starts of the word are checked from the shortest prefix length up,
    /// and only while the filter of prefix starts says some prefix can still begin that way.
    @inline(__always)
    private func prefixSymbols(
        _ word: UnsafeRawPointer, length wordLength: Int, symbols: UnsafeMutablePointer<Int32>, symbolCount: inout Int
    ) {
        let last = min(wordLength, longestPrefix)
        if last < shortestPrefix { return }
        let paths = prefixPaths.base
        let first = WordHash.chunk(word, 0)
        for length in shortestPrefix...last {
            let h = length <= 8 ? WordHash.hash(key: first & WordHash.mask(length)) : WordHash.hash(word, count: length)
            if !VocabularyTable.filterHas(paths, h) { return }
            if prefixLengths & VocabularyTable.lengthBit(length) != 0 {
                let symbol = prefixWords.symbol(hash: h, word: word, length: length)
                if symbol >= 0 {
                    symbols[symbolCount] = symbol
                    symbolCount += 1
                }
            }
        }
    }

    /// Sorts the hits by term set, then position, and drops duplicates.
    private func finishHits(_ hits: inout ScratchStack<TermHit>) {
        if hits.count < 2 { return }
        var all = hits.buffer
        all.sort { ($0.termSet, $0.start, $0.end) < ($1.termSet, $1.start, $1.end) }
        var kept = 1
        for k in 1..<all.count where all[k] != all[kept - 1] {
            all[kept] = all[k]
            kept += 1
        }
        hits.truncate(to: kept)
    }

    /// Advances the phrase trie by the symbols of word `index`.
    @inline(__always)
    private func step(
        word index: Int32, symbols: UnsafeMutablePointer<Int32>, symbolCount: Int, text: UnsafePointer<UInt8>,
        buffers: inout ScanBuffers
    ) {
        let roots = self.roots.base
        let children = self.children.base
        buffers.nextActive.removeAll()
        for s in 0..<symbolCount {
            enter(roots[Int(symbols[s])], start: index, end: index + 1, text: text, buffers: &buffers)
        }
        for a in 0..<buffers.active.count {
            let phrase = buffers.active[a]
            let first = Int(phrase.childStart)
            let count = Int(phrase.childCount)
            for s in 0..<symbolCount {
                let symbol = symbols[s]
                var k = first
                while k < first + count {
                    if children[k].symbol == symbol {
                        enter(children[k].node, start: phrase.start, end: index + 1, text: text, buffers: &buffers)
                        break
                    }
                    k += 1
                }
            }
        }
        buffers.active.exchange(with: &buffers.nextActive)
    }

    /// Reaches trie node `node` with a phrase of words `start..<end`: keeps the phrase alive
    /// if it can go on, and records its hits.
    @inline(__always)
    private func enter(_ node: Node, start: Int32, end: Int32, text: UnsafePointer<UInt8>, buffers: inout ScanBuffers) {
        if node.childCount > 0 {
            buffers.nextActive.append(ActivePhrase(start: start, childStart: node.childStart, childCount: node.childCount))
        }
        if node.outputCount == 0 { return }
        let first = Int(node.outputStart)
        for k in first..<(first + Int(node.outputCount)) {
            let output = outputs[k]
            if output.verify >= 0 && !verify(verifications[Int(output.verify)], start: start, text: text, words: buffers.words) {
                continue
            }
            buffers.hits.append(TermHit(termSet: output.termSet, start: start, end: end))
        }
    }

    /// Case-sensitive terms: the words must be written exactly as in the codebook.
    private func verify(_ pattern: [TokenPattern], start: Int32, text: UnsafePointer<UInt8>, words: borrowing ScratchStack<ScannedWord>) -> Bool {
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
