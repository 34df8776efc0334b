import Foundation

/// A normalised form of a title, used to recognise the same paper in sources that write its
/// title differently (case, accents, dashes, punctuation, a leftover `&amp;` or `<i>` from a
/// web page, a trailing period, PubMed's brackets around translated titles).
///
/// Only letters and digits survive, lower-cased and without diacritics, so
/// "Beyond clinical engagement: a pragmatic model…" and "BEYOND CLINICAL ENGAGEMENT – A
/// PRAGMATIC MODEL…" give the same key. Together with the year it is the last resort of
/// deduplication, after PMID, DOI and PMCID.
public enum TitleKey {
    /// The key of `title`; empty when the title has no letters or digits.
    public static func make(_ title: String) -> String {
        if let key = asciiKey(title) { return key }
        let cleaned = stripMarkup(decodeEntities(title))
        let folded = cleaned.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var key = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where isKept(scalar) {
            if let plain = undecomposableLetters[scalar] {
                key.append(contentsOf: plain.unicodeScalars)
            } else {
                key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(key)
    }

    /// The key of an ASCII title without entities or tags, which needs no Unicode folding:
    /// most titles, and Foundation's folding is the slow part of a key.
    private static func asciiKey(_ title: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        for byte in title.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case UInt8(ascii: "&"), UInt8(ascii: "<"), 0x80...: return nil
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Letters that diacritic folding leaves alone because Unicode does not decompose them.
    private static let undecomposableLetters: [Unicode.Scalar: String] = [
        "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
    ]

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return ScalarClass.isLetter(scalar) || ScalarClass.isDigit(scalar) }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Replaces HTML character references (`&amp;`, `&#8212;`, `&#x2013;`) by their characters;
    /// unknown named ones are dropped.
    static func decodeEntities(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let semicolon = scalars[(i + 1)..<min(scalars.count, i + 12)].firstIndex(of: ";") {
                let name = String(scalars: scalars[(i + 1)..<semicolon])
                if let decoded = entity(name) {
                    out.append(contentsOf: decoded.unicodeScalars)
                    i = semicolon + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    private static func entity(_ name: String) -> String? {
        switch name.lowercased() {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case "ndash", "mdash", "hyphen", "minus": return "-"
        default: break
        }
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if !name.isEmpty, name.unicodeScalars.allSatisfy({ ScalarClass.isLetter($0) || ScalarClass.isDigit($0) }) {
            return ""
        }
        return nil
    }

    /// Removes inline tags left in a title (`<i>TERT</i>`, `H<sub>2</sub>O`) without a space.
    static func stripMarkup(_ text: String) -> String {
        guard text.unicodeScalars.contains("<") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "<", let close = tagEnd(scalars, from: i) {
                i = close
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// The end of a tag starting at `<` (`<i>`, `</sup>`, `<span class="x">`), if it is one.
    private static func tagEnd(_ s: [Unicode.Scalar], from open: Int) -> Int? {
        var j = open + 1
        if j < s.count, s[j] == "/" { j += 1 }
        guard j < s.count, ScalarClass.isLetter(s[j]) else { return nil }
        while j < s.count, j - open < 80 {
            if s[j] == ">" { return j + 1 }
            if s[j] == "<" { return nil }
            j += 1
        }
        return nil
    }
}
