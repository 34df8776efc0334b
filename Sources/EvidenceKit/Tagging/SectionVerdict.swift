/// How a section name is judged: skipped, or the weight of its matches; and whether it
/// matches the section names of a scope.
///
/// Consecutive passages nearly always share their section, so a verdict is made once per
/// run of passages with the same section. Section names are nearly always ASCII: for them
/// the needles (already lower-cased in the compiled codebook) are searched case-insensitively
/// in the name's bytes, without making a lower-cased copy. Other names take the general
/// path, with exactly the answers of lower-casing the name first.
struct SectionVerdict {
    var section: String
    var skipped: Bool
    var weight: Double
    /// The lower-cased name when it is not ASCII, else nil (the bytes are searched directly).
    private var lowerNonASCII: String?

    init(section: String, compiled: CompiledCodebook) {
        self.section = section
        let isASCII = section.utf8.allSatisfy { $0 < 0x80 }
        lowerNonASCII = isASCII ? nil : section.lowercased()
        skipped = false
        weight = 1
        if isASCII, let judged = section.utf8.withContiguousStorageIfAvailable({ Self.judgeASCII($0, compiled) }) ?? nil {
            (skipped, weight) = judged
        } else if compiled.skipSections.contains(where: { contains($0) }) {
            skipped = true
        } else if let match = compiled.sectionWeights.first(where: { contains($0.0) }) {
            weight = match.1
        }
    }

    /// Whether the section name contains `needle` (lower-cased), ignoring case, as
    /// Foundation's `contains` answers it for the lower-cased name (an empty needle is never
    /// found).
    func contains(_ needle: String) -> Bool {
        if let lowerNonASCII { return Self.contains(lowerNonASCII, needle) }
        if needle.isEmpty { return false }
        let answer: Bool?? = section.utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in Self.asciiContains(h, lowerNeedle: n) } ?? nil
        }
        if let known = answer ?? nil { return known }
        return Self.contains(section.lowercased(), needle)
    }

    /// The verdict for an ASCII section name `h`, with the needles' bytes prepared at
    /// compile time; nil when some needle is not ASCII.
    private static func judgeASCII(_ h: UnsafeBufferPointer<UInt8>, _ compiled: CompiledCodebook) -> (Bool, Double)? {
        for needle in compiled.skipSectionBytes {
            guard let found = needle.withUnsafeBufferPointer({ asciiContains(h, lowerNeedle: $0) }) else { return nil }
            if found { return (true, 1) }
        }
        for (needle, weight) in zip(compiled.sectionWeightBytes, compiled.sectionWeights) {
            guard let found = needle.withUnsafeBufferPointer({ asciiContains(h, lowerNeedle: $0) }) else { return nil }
            if found { return (false, weight.1) }
        }
        return (false, 1)
    }

    /// Whether the ASCII bytes `h`, lower-cased, contain `n`; nil when `n` is not ASCII.
    private static func asciiContains(_ h: UnsafeBufferPointer<UInt8>, lowerNeedle n: UnsafeBufferPointer<UInt8>) -> Bool? {
        for byte in n where byte >= 0x80 { return nil }
        if n.isEmpty { return false }
        if n.count > h.count { return false }
        var i = 0
        while i <= h.count - n.count {
            var j = 0
            while j < n.count {
                let b = h[i + j]
                let lowered = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if lowered != n[j] { break }
                j += 1
            }
            if j == n.count { return true }
            i += 1
        }
        return false
    }

    /// Whether the lower-cased `haystack` contains `needle`: the byte search of ASCII names
    /// when both are ASCII, else Foundation's `contains`.
    private static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return false }
        let bothASCII = haystack.utf8.allSatisfy { $0 < 0x80 } && needle.utf8.allSatisfy { $0 < 0x80 }
        if !bothASCII { return haystack.contains(needle) }
        return Array(haystack.utf8).withUnsafeBufferPointer { h in
            Array(needle.utf8).withUnsafeBufferPointer { n in asciiContains(h, lowerNeedle: n) ?? false }
        }
    }

    /// Whether passages of this section and `kind` pass `scope`.
    func allows(_ scope: CompiledCodebook.LowerScope, kind: PassageKind) -> Bool {
        if !scope.kinds.isEmpty && !scope.kinds.contains(kind) { return false }
        if !scope.sections.isEmpty && !scope.sections.contains(where: { contains($0) }) { return false }
        return true
    }
}
