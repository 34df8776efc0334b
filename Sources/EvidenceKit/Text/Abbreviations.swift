/// The words whose final period is not a sentence end, grouped by how sure that is.
///
/// Scientific prose is full of them ("et al.", "Fig. 2", "vs.", "approx."), and a splitter that
/// cuts there hands the codebook half-sentences. Entries are lower-case, without the final
/// period; internal periods are kept (`e.g`, `u.s`).
enum Abbreviations {
    /// Never end a sentence: titles before names, references to figures, Latin connectives.
    static let never: Set<String> = [
        "e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "approx", "ca", "c.f",
        "fig", "figs", "dr", "drs", "mr", "mrs", "ms", "mssrs", "prof", "profs", "rev", "hon",
        "eq", "eqs", "ref", "refs", "sec", "sect", "ch", "chap", "pp", "pg", "ed", "eds",
        "st", "ste", "mt", "sr", "dept", "univ", "assoc", "resp", "incl", "excl",
        "est", "esp", "avg", "suppl", "vols",
        "e.v", "a.k.a", "w.r.t", "i.v", "i.m", "s.c", "p.o", "b.i.d", "t.i.d", "q.d",
        "var", "subsp", "cv",
    ]

    /// End a sentence only when something other than a number follows ("No. 5", "Jan. 2010").
    static let beforeNumber: Set<String> = [
        "no", "nos", "nr", "tab", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "art", "para", "ser", "pt", "pts", "vol",
    ]

    /// Often inside a sentence, sometimes its end ("Smith et al. The", "in the U.S. The"): the
    /// splitter cuts only when a typical sentence opener follows.
    static let ambiguous: Set<String> = [
        "al", "etc", "inc", "ltd", "co", "corp", "jr", "u.s", "u.k", "u.n", "e.u", "u.s.a",
        "a.m", "p.m", "ph.d", "sp", "spp", "m.d", "b.sc", "m.sc", "d.c", "n.y", "l.a",
    ]

    /// Words that typically open a sentence in an abstract; after an ambiguous abbreviation
    /// or a lone capital (`vitamin D. The`) they mark a real sentence end.
    static let sentenceOpeners: Set<String> = [
        "the", "this", "these", "that", "those", "there", "their", "they", "we", "our", "in",
        "a", "an", "it", "its", "of", "for", "to", "on", "at", "as", "by", "with", "from",
        "however", "although", "though", "results", "conclusions", "conclusion", "methods",
        "background", "objective", "objectives", "aim", "aims", "purpose", "design", "setting",
        "participants", "overall", "finally", "moreover", "furthermore", "additionally", "thus",
        "therefore", "hence", "both", "all", "most", "many", "some", "each", "only", "after",
        "before", "during", "among", "when", "while", "if", "since", "despite", "here", "further",
        "also", "other", "such", "one", "two", "three", "four", "five", "no", "not", "data",
        "patients", "participants", "interventions", "findings", "study", "studies", "similar",
        "similarly", "nevertheless", "yet", "but", "and", "or", "is", "are", "was", "were",
        "i", "he", "she", "you", "what", "how", "why", "where", "which", "who", "whether",
    ]
}
