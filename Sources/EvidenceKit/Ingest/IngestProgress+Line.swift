extension IngestProgress {
    /// One line for a progress display: "file 3/12 · 12,345 records · 31.0 MB/s · ETA 0:42".
    public var line: String {
        var parts = [
            "file \(fileIndex + 1)/\(fileCount)",
            "\(Self.grouped(records)) records",
            megabytesPerSecond.oneDecimal + " MB/s",
        ]
        if let remaining = secondsRemaining { parts.append("ETA " + Self.clock(remaining)) }
        return parts.joined(separator: " · ")
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (minutes, secs) = (total / 60, total % 60)
        return "\(minutes):" + (secs < 10 ? "0" : "") + String(secs)
    }
}

extension Double {
    /// The number with one decimal ("3.1"), without Foundation's locale-dependent formatting.
    public var oneDecimal: String {
        let tenths = Int((self * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
