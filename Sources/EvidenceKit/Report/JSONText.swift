/// A JSON value with object keys in a fixed order, so that report JSON is stable and
/// diff-able (Foundation's encoder does not promise an order).
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
    static func ints(_ values: [Int]) -> JSONValue { .array(values.map(JSONValue.int)) }

    /// The serialised value. `scriptSafe` also escapes `<`, `>` and `&` (as `\u003c` …), so
    /// that the text can sit inside an HTML `<script>` element: no `</script>` or `<!--` can
    /// appear in it. U+2028 and U+2029 are always escaped, as older JavaScript rejects them.
    func serialized(pretty: Bool = false, scriptSafe: Bool = false) -> String {
        var output = ""
        write(to: &output, indent: pretty ? 0 : nil, scriptSafe: scriptSafe)
        return output
    }

    private func write(to output: inout String, indent: Int?, scriptSafe: Bool) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? "\(value)" : "null"
        case .string(let value): JSONValue.writeString(value, to: &output, scriptSafe: scriptSafe)
        case .array(let values):
            guard !values.isEmpty else { output += "[]"; return }
            output += "["
            for (offset, value) in values.enumerated() {
                if offset > 0 { output += "," }
                JSONValue.newline(&output, indent.map { $0 + 1 })
                value.write(to: &output, indent: indent.map { $0 + 1 }, scriptSafe: scriptSafe)
            }
            JSONValue.newline(&output, indent)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { output += "," }
                JSONValue.newline(&output, indent.map { $0 + 1 })
                JSONValue.writeString(member.0, to: &output, scriptSafe: scriptSafe)
                output += indent == nil ? ":" : ": "
                member.1.write(to: &output, indent: indent.map { $0 + 1 }, scriptSafe: scriptSafe)
            }
            JSONValue.newline(&output, indent)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, _ indent: Int?) {
        guard let indent else { return }
        output += "\n" + String(repeating: "  ", count: indent)
    }

    private static func writeString(_ value: String, to output: inout String, scriptSafe: Bool) {
        output += "\""
        if !needsEscaping(value, scriptSafe: scriptSafe) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            case "<" where scriptSafe: output += "\\u003c"
            case ">" where scriptSafe: output += "\\u003e"
            case "&" where scriptSafe: output += "\\u0026"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// Whether `value` has a character that `writeString` escapes; most strings have none
    /// and are copied whole instead of scalar by scalar.
    private static func needsEscaping(_ value: String, scriptSafe: Bool) -> Bool {
        value.utf8.contains { byte in
            switch byte {
            case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), 0xE2: return true  // 0xE2 starts U+2028 and U+2029
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): return scriptSafe
            default: return false
            }
        }
    }
}
