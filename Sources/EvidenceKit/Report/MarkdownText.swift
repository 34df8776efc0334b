/// Text placed in a Markdown table cell.
///
/// A `|` would end the cell and a line break the row, so they are escaped (`\|`, `<br>`);
/// backslashes are doubled so that they stay literal; a `<` that could open an HTML tag or
/// comment (`<script`, `</`, `<!--`) is escaped as `\<`, because renderers pass raw HTML
/// through, while `p < 0.05` is left readable.
enum MarkdownText {
    static func cell(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "|": result += "\\|"
            case "\\": result += "\\\\"
            case "\r":
                result += "<br>"
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            case "\n", "\u{2028}", "\u{2029}": result += "<br>"
            case "<":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                let opensMarkup = next.properties.isAlphabetic || next == "/" || next == "!" || next == "?"
                result += opensMarkup ? "\\<" : "<"
            default: result.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return result
    }
}
