/// CSV as spreadsheets read it safely: RFC 4180 quoting with CRLF record ends, a UTF-8 byte
/// order mark so that Excel keeps accented names, and formula neutralising.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a
/// formula in Excel or LibreOffice ("CSV injection"); paper text can start that way, so such
/// a cell gets a leading `'`, which spreadsheets show as text. Plain numbers (`-3`, `2.5`)
/// are left alone: they cannot run, and quoting them would turn counts and scores into text.
public enum CSVText {
    /// The UTF-8 byte order mark that opens every CSV document.
    public static let byteOrderMark = "\u{FEFF}"

    /// One field, neutralised and quoted when needed.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(value) {
            value = "'" + value
        }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// One record with its CRLF end.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A whole document: byte order mark, then the records.
    public static func document(_ records: [[String]]) -> String {
        byteOrderMark + records.map(record).joined()
    }

    static func isPlainNumber(_ value: String) -> Bool {
        var scalars = Substring(value).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        guard !scalars.isEmpty else { return false }
        var seenDot = false
        var seenDigit = false
        for scalar in scalars {
            if scalar == "." {
                if seenDot { return false }
                seenDot = true
            } else if ("0"..."9").contains(scalar) {
                seenDigit = true
            } else {
                return false
            }
        }
        return seenDigit
    }
}

extension String {
    /// Every occurrence of `target` replaced; Foundation-free.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
