"""The schema, as an ordered list of named migrations; each is applied once and recorded."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            url TEXT,
            source TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            published_precision TEXT,
            title TEXT,
            body TEXT NOT NULL,
            words INTEGER NOT NULL,
            comments TEXT NOT NULL DEFAULT '[]',
            comment_count INTEGER NOT NULL DEFAULT 0,
            furniture TEXT NOT NULL DEFAULT '[]',
            language TEXT,
            duplicate_of TEXT REFERENCES documents(id),
            method TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
        CREATE INDEX documents_source ON documents(source);

        -- Every place a stored body was read from; a second copy of a body adds a path, not a document.
        CREATE TABLE document_paths (
            path TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id)
        );
        CREATE INDEX document_paths_document ON document_paths(document_id);

        CREATE TABLE rejected (
            path TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );

        -- Near-duplicate detection: MinHash signatures and their LSH band keys.
        CREATE TABLE signatures (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            minhash BLOB NOT NULL
        );
        CREATE TABLE signature_bands (
            band BLOB NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id),
            PRIMARY KEY (band, document_id)
        ) WITHOUT ROWID;
        """,
    ),
    (
        "0002_annotations",
        """
        -- Which documents the annotate stage has read, and with which method and version.
        CREATE TABLE annotations (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            method TEXT NOT NULL,
            annotated_at TEXT NOT NULL
        );
        CREATE TABLE sentences (
            document_id TEXT NOT NULL REFERENCES documents(id),
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (document_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE mentions (
            document_id TEXT NOT NULL REFERENCES documents(id),
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            value TEXT,
            precision TEXT,
            key TEXT,
            PRIMARY KEY (document_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX mentions_key ON mentions(key);
        CREATE TABLE quotes (
            document_id TEXT NOT NULL REFERENCES documents(id),
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            kind TEXT NOT NULL,
            PRIMARY KEY (document_id, position)
        ) WITHOUT ROWID;
        -- Entity keys that name the same entity as another key, learned across the corpus.
        CREATE TABLE entity_aliases (
            alias TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            method TEXT NOT NULL
        );
        """,
    ),
]
