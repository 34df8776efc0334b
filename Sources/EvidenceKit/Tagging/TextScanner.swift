/// How the tagger cuts UTF-8 text into words. Terms in the codebook and passage text go
/// through the same rules, so a term matches exactly the words it would be cut into.
///
/// Words are runs of ASCII letters and digits and of non-ASCII letters; everything else
/// separates words. Latin-1 punctuation (U+0080–U+00BF, e.g. `´`, `«`, no-break space),
/// general punctuation and symbols (U+2000–U+2FFF: dashes, curly quotes, `…`) and CJK
/// punctuation (U+3000–U+303F) are separators too. `.` `;` `:` `!` `?` also end a clause,
/// which stops negation and hedging windows.
enum TextScanner {
    /// Per-byte class of the first byte of a character.
    enum Kind: UInt8 {
        case separator = 0
        case word = 1
        case clauseBreak = 2
        case lead2 = 3
        case lead3 = 4
        case lead4 = 5
        case continuation = 6
    }

    static let kinds: [UInt8] = {
        var table = [UInt8](repeating: Kind.separator.rawValue, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = Kind.word.rawValue }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = Kind.word.rawValue }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = Kind.word.rawValue }
        for c in ".;:!?" { table[Int(c.asciiValue!)] = Kind.clauseBreak.rawValue }
        for b in 0x80...0xBF { table[b] = Kind.continuation.rawValue }
        for b in 0xC0...0xDF { table[b] = Kind.lead2.rawValue }
        for b in 0xE0...0xEF { table[b] = Kind.lead3.rawValue }
        for b in 0xF0...0xFF { table[b] = Kind.lead4.rawValue }
        return table
    }()

    /// ASCII upper case to lower case; every other byte unchanged.
    static let lower: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 {
            let byte = UInt8(b)
            table[b] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
        }
        return table
    }()

    /// Whether the multi-byte character starting with `lead` (followed by `next`) separates
    /// words rather than being part of one.
    @inline(__always)
    static func multiByteIsSeparator(lead: UInt8, next: UInt8) -> Bool {
        lead == 0xC2 || lead == 0xE2 || (lead == 0xE3 && next == 0x80)
    }

    /// A word of some text: byte range and Unicode-scalar range.
    struct Word: Equatable {
        var byteStart: Int
        var byteEnd: Int
        var scalarStart: Int
        var scalarEnd: Int
        var clauseBreakBefore: Bool
    }

    /// Cuts `bytes` into words. Used when compiling terms and for regex offsets; the tagger's
    /// hot loop inlines the same logic.
    static func words(_ bytes: [UInt8]) -> [Word] {
        var result: [Word] = []
        var i = 0
        var scalar = 0
        var inWord = false
        var pendingBreak = false
        var current = Word(byteStart: 0, byteEnd: 0, scalarStart: 0, scalarEnd: 0, clauseBreakBefore: false)
        let n = bytes.count
        func close(_ end: Int, _ scalarEnd: Int) {
            if inWord {
                current.byteEnd = end
                current.scalarEnd = scalarEnd
                result.append(current)
                inWord = false
            }
        }
        while i < n {
            let b = bytes[i]
            let kind = Kind(rawValue: kinds[Int(b)]) ?? .separator
            var length = 1
            var isWord = false
            switch kind {
            case .word: isWord = true
            case .separator, .continuation: isWord = false
            case .clauseBreak:
                close(i, scalar)
                pendingBreak = true
            case .lead2, .lead3, .lead4:
                length = kind == .lead2 ? 2 : (kind == .lead3 ? 3 : 4)
                let next = i + 1 < n ? bytes[i + 1] : 0
                isWord = !multiByteIsSeparator(lead: b, next: next)
            }
            if isWord {
                if !inWord {
                    inWord = true
                    current = Word(byteStart: i, byteEnd: i, scalarStart: scalar, scalarEnd: scalar, clauseBreakBefore: pendingBreak)
                    pendingBreak = false
                }
            } else {
                close(i, scalar)
            }
            i += length
            scalar += 1
        }
        close(n, scalar)
        return result
    }
}

extension TextScanner {
    /// For each byte: its lower case when it is an ASCII letter or digit (a word byte), else
    /// 0. Lets the scan walk ASCII words with one table load per byte.
    static let asciiWordFold: [UInt8] = (0..<256).map { b in
        kinds[b] == Kind.word.rawValue ? lower[b] : 0
    }
}
