/// Character classes on single Unicode scalars, with an ASCII fast path, for the text
/// scanners that must not walk `String` indices (the splitter sees ~300,000 sentences a run).
enum ScalarClass {
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return c.properties.isWhitespace
    }

    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return c.properties.isUppercase
    }

    static func isLower(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return c.properties.isLowercase
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x30 && c.value <= 0x39
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    /// Scalars that end a sentence when followed by a space: `.`, `?`, `!`, `…`.
    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x3F, 0x21, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049: return true
        default: return false
        }
    }

    /// Full-width CJK sentence ends, which need no space after them.
    static func isWideTerminal(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3002, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }

    /// Closing quotes that may follow a sentence's final period (`engagement.” Next`).
    static func isClosingQuote(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x201D, 0x2019, 0x00BB, 0x203A, 0x300D, 0x300F: return true
        default: return false
        }
    }

    /// Opening quotes that may precede a sentence's first letter.
    static func isOpeningQuote(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x201C, 0x2018, 0x00AB, 0x2039, 0x300C, 0x300E: return true
        default: return false
        }
    }

    static func isOpenBracket(_ c: Unicode.Scalar) -> Bool {
        c == "(" || c == "[" || c == "{"
    }

    static func isCloseBracket(_ c: Unicode.Scalar) -> Bool {
        c == ")" || c == "]" || c == "}"
    }

    static func matches(open: Unicode.Scalar, close: Unicode.Scalar) -> Bool {
        (open == "(" && close == ")") || (open == "[" && close == "]") || (open == "{" && close == "}")
    }
}

extension String {
    /// The substring between two Unicode-scalar offsets of `scalars`, the form every offset in
    /// the corpus uses.
    ///
    /// It encodes into the new string's own storage in one pass: appending scalar by scalar
    /// to a `UnicodeScalarView` was a tenth of a baseline-sized ingest.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                if scalar.value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: scalar.value)
                    count += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }
}
