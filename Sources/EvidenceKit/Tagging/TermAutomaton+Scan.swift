extension TermAutomaton {
    /// Cuts `text` into words and records every term hit in `buffers` (hits sorted by term
    /// set, then position, without duplicates).
    ///
    /// One pass over the bytes: each byte of a word extends the hash of the lower-cased word,
    /// and the hash of every start of the word is kept. At the end of the word one
    /// branch-free test of the vocabulary filter and of the prefix gate (`prefixGate`) says
    /// whether it can be in the vocabulary or begin with a wildcard prefix; only then is the
    /// whole word looked up, or its starts (at the lengths prefixes have), or both. Each word
    /// with symbols advances the phrase trie. All tables are read through raw pointers
    /// (`FlatTable`), and words, hashes and symbols are written into storage reserved for the
    /// whole passage up front.
    func scan(_ text: UnsafeBufferPointer<UInt8>, into buffers: inout ScanBuffers) {
        let n = text.count
        buffers.prepare(byteCount: n)
        guard n > 0, let p = text.baseAddress else { return }
        let kinds = self.kinds.base
        let lower = self.lower.base
        let fold = asciiWordFold.base
        let words = buffers.words.base
        let symbols = buffers.symbols.base
        let hashes = buffers.prefixHashes.base
        let exactFilter = exactWords.filter.base
        let gateFilter = prefixGate.base
        let gateLength = self.gateLength
        let (shortGate1, shortGate2) = shortGateLengths
        let hasPrefixes = shortestPrefix <= longestPrefix
        let lead2 = TextScanner.Kind.lead2.rawValue
        let lead4 = TextScanner.Kind.lead4.rawValue
        var wordCount = 0
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
            // A word starts at `i`: walk it to its end, hashing its lower-cased bytes and
            // keeping the hash of every start of it (`hashes[wordStart + k]` for its first k bytes).
            let wordStart = i
            var h = VocabularyTable.seed
            // Bytes of multi-byte characters beyond their first: the word has
            // `i - wordStart - continuationBytes` Unicode scalars.
            var continuationBytes = 0
            while true {
                while i < n {
                    let c = fold[Int(p[i])]
                    if c == 0 { break }
                    h = VocabularyTable.hash(h, c)
                    i += 1
                    hashes[i] = h
                }
                if i >= n { break }
                // A multi-byte letter continues the word; anything else ends it.
                let b = p[i]
                let kind = kinds[Int(b)]
                if kind < lead2 || kind > lead4 { break }
                if TextScanner.multiByteIsSeparator(lead: b, next: i + 1 < n ? p[i + 1] : 0) { break }
                let length = Int(kind) - 1
                for k in 0..<length {
                    h = VocabularyTable.hash(h, lower[Int(i + k < n ? p[i + k] : 0)])
                    hashes[i + k + 1] = h
                }
                i += length
                continuationBytes += length - 1
            }
            let wordScalarStart = scalar
            scalar += Int32(i - wordStart - continuationBytes)
            // One test, without branches, of whether the word can be in the vocabulary or
            // start with a wildcard prefix: many words are neither, and whether a word is
            // cannot be predicted, so one mispredicted branch per word instead of several.
            // (A word shorter than the gate's length is asked about whole: a rare false
            // "maybe", which the full checks below undo.)
            let wordLength = i - wordStart
            let inVocabulary = VocabularyTable.filterBits(exactFilter, h)
            let mayHavePrefix = VocabularyTable.filterBits(gateFilter, hashes[wordStart + min(gateLength, wordLength)])
                | VocabularyTable.filterBits(gateFilter, hashes[wordStart + min(shortGate1, wordLength)])
                | VocabularyTable.filterBits(gateFilter, hashes[wordStart + min(shortGate2, wordLength)])
            var symbolCount = 0
            if inVocabulary | mayHavePrefix != 0 {
                // Only the lookups the filters allow: most words that get here are whole
                // words of the vocabulary (`of`, `care`) with no wildcard prefix to check.
                if hasPrefixes && mayHavePrefix != 0 {
                    prefixSymbols(wordStart: wordStart, wordEnd: min(i, n), hashes: hashes, text: p, symbols: symbols, symbolCount: &symbolCount)
                }
                if inVocabulary != 0 && i <= n {
                    let symbol = exactWords.probe(hash: h, text: p, start: wordStart, length: i - wordStart, lower: lower)
                    if symbol >= 0 {
                        symbols[symbolCount] = symbol
                        symbolCount += 1
                    }
                }
            }
            let index = Int32(wordCount)
            words[wordCount] = ScannedWord(
                byteStart: Int32(wordStart), byteEnd: Int32(i), scalarStart: wordScalarStart,
                scalarEnd: scalar, clauseBreakBefore: pendingBreak)
            wordCount += 1
            pendingBreak = false
            if symbolCount == 0 {
                buffers.active.removeAll()
                continue
            }
            buffers.words.setCount(wordCount)
            step(word: index, symbols: symbols, symbolCount: symbolCount, text: p, buffers: &buffers)
        }
        buffers.words.setCount(wordCount)
        finishHits(&buffers.hits)
    }

    /// The wildcard prefixes the word `text[wordStart..<wordEnd]` starts with, shortest
    /// first. Starts of the word are checked from the shortest prefix length up, and only
    /// while the filter of prefix starts says some prefix can still begin that way.
    @inline(__always)
    private func prefixSymbols(
        wordStart: Int, wordEnd: Int, hashes: UnsafeMutablePointer<UInt64>, text: UnsafePointer<UInt8>,
        symbols: UnsafeMutablePointer<Int32>, symbolCount: inout Int
    ) {
        let last = min(wordEnd - wordStart, longestPrefix)
        if last < shortestPrefix { return }
        let paths = prefixPaths.base
        for length in shortestPrefix...last {
            let h = hashes[wordStart + length]
            if !VocabularyTable.filterHas(paths, h) { return }
            if prefixLengths & VocabularyTable.lengthBit(length) != 0 {
                let symbol = prefixWords.symbol(hash: h, text: text, start: wordStart, length: length, lower: lower.base)
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
        let rootChild = self.rootChild.base
        let childStart = self.childStart.base
        let childCount = self.childCount.base
        let childSymbol = self.childSymbol.base
        let childNode = self.childNode.base
        buffers.nextActive.removeAll()
        for s in 0..<symbolCount {
            let child = rootChild[Int(symbols[s])]
            if child >= 0 {
                buffers.nextActive.append(ActivePhrase(node: child, start: index))
                emit(node: child, start: index, end: index + 1, text: text, buffers: &buffers)
            }
        }
        for a in 0..<buffers.active.count {
            let phrase = buffers.active[a]
            let first = Int(childStart[Int(phrase.node)])
            let count = Int(childCount[Int(phrase.node)])
            if count == 0 { continue }
            for s in 0..<symbolCount {
                let symbol = symbols[s]
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
        buffers.active.exchange(with: &buffers.nextActive)
    }

    @inline(__always)
    private func emit(node: Int32, start: Int32, end: Int32, text: UnsafePointer<UInt8>, buffers: inout ScanBuffers) {
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
