/// The text of abstracts, bodies and appendices as blocks: paragraphs with their section
/// path, and figure and table captions.
extension JATSArticleReader {
    /// Containers whose paragraphs are read as blocks of the enclosing section.
    static let transparentContainers: Set<String> = [
        "list", "list-item", "disp-quote", "statement", "speech", "def", "app-group", "body",
    ]

    /// Containers whose title extends the section path of the paragraphs inside them.
    static let titledContainers: Set<String> = ["sec", "boxed-text", "app"]

    /// Floating objects whose caption is a `.caption` block.
    static let floats: Set<String> = ["fig", "table-wrap", "fig-group", "table-wrap-group", "chem-struct-wrap"]

    /// Elements inside a paragraph that are not part of its text: footnotes, display
    /// formulas, bare tables, pictures, LaTeX duplicates of MathML, supplementary files.
    static let paragraphSkip: Set<String> = [
        "fn", "disp-formula", "disp-formula-group", "table", "table-wrap-foot", "tex-math",
        "graphic", "inline-graphic", "media", "supplementary-material", "def-list", "array",
        "preformat", "code", "object-id", "alt-text", "long-desc",
    ]

    /// Elements left out of section and caption titles. Unlike the article title, these keep
    /// their cross-references: "Improvements over the algorithm of (Bérard and Rivals, 2003)".
    static let sectionTitleSkip: Set<String> = ["fn", "tex-math", "inline-graphic", "graphic"]

    /// The current section title's flattened text; nil when empty.
    private func sectionTitle() throws -> String? {
        let text = try reader.readFlattenedText(skipping: JATSArticleReader.sectionTitleSkip)
        return text.isEmpty ? nil : text
    }

    /// Reads the children of a section-like container into `blocks`. In a titled container
    /// (`sec`, `boxed-text`, `app`) the `title` (or `caption/title`) extends `path`.
    func readBlocks(
        kind: PassageKind, path: [String], titleExtendsPath: Bool, into blocks: inout [TextBlock]
    ) throws {
        var path = path
        try children { name in
            switch name {
            case "title" where titleExtendsPath:
                if let title = try sectionTitle() { path.append(title) }
            case "caption" where titleExtendsPath:
                try children { child in
                    switch child {
                    case "title": if let title = try sectionTitle() { path.append(title) }
                    case "p": try readParagraph(kind: kind, path: path, into: &blocks)
                    default: return
                    }
                }
            default:
                try readBlock(name, kind: kind, path: path, into: &blocks)
            }
        }
    }

    /// Reads one child of a container: a paragraph, a nested container or a float.
    private func readBlock(_ name: String, kind: PassageKind, path: [String], into blocks: inout [TextBlock]) throws {
        if name == "p" {
            try readParagraph(kind: kind, path: path, into: &blocks)
        } else if JATSArticleReader.titledContainers.contains(name) {
            try readBlocks(kind: kind, path: path, titleExtendsPath: true, into: &blocks)
        } else if JATSArticleReader.transparentContainers.contains(name) {
            try readBlocks(kind: kind, path: path, titleExtendsPath: false, into: &blocks)
        } else if JATSArticleReader.floats.contains(name) {
            try readFloat(path: path, into: &blocks)
        }
    }

    /// Reads a `p` as one block. Lists, quotes, boxes and floats nested in it become blocks
    /// of their own after it; footnotes, display formulas and tables are left out. Inline
    /// markup is flattened by `readFlattenedText`.
    func readParagraph(kind: PassageKind, path: [String], into blocks: inout [TextBlock]) throws {
        guard reader.nodeType == .element, !reader.isEmptyElement else { return }
        var nested: [TextBlock] = []
        let text = try reader.readFlattenedText(skipping: JATSArticleReader.paragraphSkip) { name in
            guard isNestedBlock(name) else { return false }
            try readBlock(name, kind: kind, path: path, into: &nested)
            return true
        }
        if !text.isEmpty {
            blocks.append(TextBlock(kind: kind, section: path.joined(separator: " > "), text: text))
        }
        blocks.append(contentsOf: nested)
    }

    private func isNestedBlock(_ name: String) -> Bool {
        name == "p" || JATSArticleReader.floats.contains(name)
            || JATSArticleReader.titledContainers.contains(name)
            || JATSArticleReader.transparentContainers.contains(name)
    }

    /// Reads a figure or table (or a group of them) as a caption block: label, caption title
    /// and caption paragraphs, each closed with a full stop when it has no end punctuation.
    func readFloat(path: [String], into blocks: inout [TextBlock]) throws {
        var pieces: [String] = []
        var members: [TextBlock] = []
        try children { name in
            switch name {
            case "label":
                if let label = try metadataText() { pieces.append(label) }
            case "caption":
                try children { child in
                    guard child == "title" || child == "p" else { return }
                    let text = try reader.readFlattenedText(skipping: JATSArticleReader.paragraphSkip)
                    if !text.isEmpty { pieces.append(text) }
                }
            default:
                if JATSArticleReader.floats.contains(name) {
                    try readFloat(path: path, into: &members)
                }
            }
        }
        if !pieces.isEmpty {
            let text = pieces.map(JATSArticleReader.closedSentence).joined(separator: " ")
            blocks.append(TextBlock(kind: .caption, section: path.joined(separator: " > "), text: text))
        }
        blocks.append(contentsOf: members)
    }

    /// `piece` followed by a full stop unless it already ends a sentence.
    static func closedSentence(_ piece: String) -> String {
        guard let last = piece.unicodeScalars.last else { return piece }
        return ".:;?!".unicodeScalars.contains(last) ? piece : piece + "."
    }

    /// Reads an `abstract`: its own title apart, its sections and paragraphs as blocks.
    func readAbstract() throws -> JATSArticleDraft.Abstract {
        var abstract = JATSArticleDraft.Abstract(type: reader.attribute("abstract-type"), title: nil, blocks: [])
        try children { name in
            if name == "title" {
                if abstract.title == nil { abstract.title = try metadataText() }
            } else {
                try readBlock(name, kind: .abstract, path: [], into: &abstract.blocks)
            }
        }
        return abstract
    }

    /// Reads `back`: the reference lists, and appendices as body blocks.
    func readBack(into draft: inout JATSArticleDraft) throws {
        try children { name in
            switch name {
            case "ref-list": try readReferenceList(into: &draft.references)
            case "app-group", "app": try readBlock(name, kind: .body, path: [], into: &draft.body)
            default: return
            }
        }
    }
}
