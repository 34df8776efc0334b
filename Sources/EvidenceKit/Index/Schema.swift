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
        migrator.registerMigration("v2: the writer indexes new passages once per file, not a trigger per statement") { db in
            // FTS5 flushes its pending terms to a new index segment at the end of every
            // statement that writes to it inside a transaction; with an insert trigger, every
            // source of a 30,000-record file made its own segment and merges of them were a
            // large part of an ingest. `FullTextBacklog` indexes a file's passages in one go.
            try db.execute(sql: "DROP TRIGGER passage_ft_insert")
        }
        migrator.registerMigration("v3: identifier indexes that answer a source lookup without reading rows") { db in
            // See `SourceLookup`: each seek asks for sources with one identifier and
            // without the ones before it.
            try db.execute(
                sql: """
                    DROP INDEX source_doi;
                    DROP INDEX source_pmcid;
                    DROP INDEX source_title_key;
                    CREATE INDEX source_doi ON source(doi, pmid);
                    CREATE INDEX source_pmcid ON source(pmcid, pmid, doi);
                    CREATE INDEX source_title_key ON source(title_key, pmid, doi, pmcid);
                    """)
        }
        return migrator
    }
}
