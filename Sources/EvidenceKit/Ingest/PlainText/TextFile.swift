import CZlib

/// One line of a text file with its 1-based line number, for error messages.
struct TextLine: Sendable {
    let number: Int
    let text: String

    /// The line without leading and trailing whitespace.
    var trimmed: Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !ScalarClass.isSpace($0) }),
            let last = scalars.lastIndex(where: { !ScalarClass.isSpace($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }

    var isBlank: Bool { trimmed.isEmpty }
}

/// Reads a UTF-8 text file (gzip-compressed or not) into lines: a byte-order mark is dropped
/// and CRLF or CR line ends count as one line end.
enum TextFile {
    static func lines(path: String) throws -> [TextLine] {
        let bytes = try read(path: path)
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw IngestError.malformed(path: path, line: nil, reason: "the file is not UTF-8 text")
        }
        var lines: [TextLine] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(TextLine(number: lines.count + 1, text: String(current)))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(TextLine(number: lines.count + 1, text: String(current))) }
        return lines
    }

    /// The file's bytes, inflated by zlib when gzip-compressed (zlib passes plain files through).
    static func read(path: String) throws -> [UInt8] {
        guard let gz = gzopen(path, "rb") else {
            throw IngestError.unreadable(path: path, reason: "the file cannot be opened")
        }
        defer { gzclose(gz) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { gzread(gz, $0.baseAddress, UInt32($0.count)) }
            if count < 0 {
                throw IngestError.unreadable(path: path, reason: "the file cannot be read (corrupt gzip data?)")
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<Int(count)])
        }
        return bytes
    }
}
