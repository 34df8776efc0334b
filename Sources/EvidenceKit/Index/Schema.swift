import GRDB

/// The corpus schema as a sequence of migrations, so that a corpus made by an older
/// version of the tool is upgraded in place rather than rebuilt.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, passages, full-text index, provenance, tags") { db in
            try db.execute(
                sql: """
                    CREATE TABLE source (
                        id INTEGER PRIMARY KEY,
                        pmid TEXT,
                        pmcid TEXT,
                        doi TEXT,
                        title TEXT NOT NULL,
                        title_key TEXT NOT NULL,
                        year INTEGER,
                        format TEXT NOT NULL,
                        richness INTEGER NOT NULL,
                        metadata TEXT NOT NULL
                    );
                    CREATE INDEX source_pmid ON source(pmid);
                    CREATE INDEX source_pmcid ON source(pmcid);
                    CREATE INDEX source_doi ON source(doi);
                    CREATE INDEX source_title_key ON source(title_key);

                    CREATE TABLE source_file (
                        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        path TEXT NOT NULL,
                        format TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        PRIMARY KEY (source_id, path)
                    ) WITHOUT ROWID;
                    CREATE INDEX source_file_content ON source_file(path, content_hash);

                    CREATE TABLE paragraph (
                        id INTEGER PRIMARY KEY,
                        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        section TEXT NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX paragraph_source ON paragraph(source_id, position);

                    CREATE TABLE passage (
                        id INTEGER PRIMARY KEY,
                        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        paragraph_id INTEGER NOT NULL REFERENCES paragraph(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        section TEXT NOT NULL,
                        start INTEGER NOT NULL,
                        "end" INTEGER NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX passage_source ON passage(source_id, position);
                    CREATE INDEX passage_paragraph ON passage(paragraph_id);

                    CREATE VIRTUAL TABLE passage_ft USING fts5(
                        text, content='passage', content_rowid='id',
                        tokenize='porter unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER passage_ft_insert AFTER INSERT ON passage BEGIN
                        INSERT INTO passage_ft(rowid, text) VALUES (new.id, new.text);
                    END;
                    CREATE TRIGGER passage_ft_delete AFTER DELETE ON passage BEGIN
                        INSERT INTO passage_ft(passage_ft, rowid, text) VALUES ('delete', old.id, old.text);
                    END;
                    CREATE TRIGGER passage_ft_update AFTER UPDATE OF text ON passage BEGIN
                        INSERT INTO passage_ft(passage_ft, rowid, text) VALUES ('delete', old.id, old.text);
                        INSERT INTO passage_ft(rowid, text) VALUES (new.id, new.text);
                    END;

                    CREATE TABLE reference (
                        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        PRIMARY KEY (source_id, position)
                    ) WITHOUT ROWID;

                    CREATE TABLE tag (
                        passage_id INTEGER NOT NULL REFERENCES passage(id) ON DELETE CASCADE,
                        dimension TEXT NOT NULL,
                        label TEXT NOT NULL,
                        PRIMARY KEY (passage_id, dimension, label)
                    ) WITHOUT ROWID;
                    CREATE INDEX tag_label ON tag(dimension, label);

                    CREATE TABLE tag_match (
                        passage_id INTEGER NOT NULL REFERENCES passage(id) ON DELETE CASCADE,
                        rule TEXT NOT NULL,
                        label TEXT NOT NULL,
                        text TEXT NOT NULL,
                        start INTEGER NOT NULL,
                        "end" INTEGER NOT NULL
                    );
                    CREATE INDEX tag_match_passage ON tag_match(passage_id);

                    CREATE TABLE tagging_state (
                        source_id INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
                        codebook_hash TEXT NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }
}
