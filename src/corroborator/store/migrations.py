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
    (
        "0003_stories",
        """
        -- Stories: documents about one event. summary holds what assignment compares a new document
        -- against (centroid, entity keys, event days), as zlib-compressed JSON.
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            title_document TEXT,
            first_seen TEXT,
            last_seen TEXT,
            size INTEGER NOT NULL,
            summary BLOB NOT NULL,
            posted TEXT NOT NULL DEFAULT '[]',
            active REAL NOT NULL,
            method TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE story_documents (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            story_id TEXT NOT NULL REFERENCES stories(id),
            position INTEGER NOT NULL,
            score REAL NOT NULL,
            source TEXT NOT NULL,
            method TEXT NOT NULL
        );
        CREATE INDEX story_documents_story ON story_documents(story_id, position);
        -- A later story about the same person or work that is not the same event (a sequel, a follow-up).
        CREATE TABLE story_relations (
            story_id TEXT NOT NULL REFERENCES stories(id),
            related_id TEXT NOT NULL REFERENCES stories(id),
            score REAL NOT NULL,
            PRIMARY KEY (story_id, related_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_relations_related ON story_relations(related_id);
        -- The inverted index: a story's heaviest words and entity keys, with the time of its latest
        -- document (active), so a lookup reads only stories still inside the active window.
        CREATE TABLE story_index (
            term TEXT NOT NULL,
            active REAL NOT NULL,
            story_id TEXT NOT NULL,
            PRIMARY KEY (term, active, story_id)
        ) WITHOUT ROWID;
        -- How many assigned documents hold each word or entity key, for its rarity (IDF).
        CREATE TABLE story_term_counts (
            term TEXT PRIMARY KEY,
            documents INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE story_counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        """,
    ),
    (
        "0004_reconcile",
        """
        -- What the reconcile stage said of each story, and of which documents (fingerprint), so a
        -- story is reconciled again only when its documents or the method change.
        CREATE TABLE story_reports (
            story_id TEXT PRIMARY KEY REFERENCES stories(id),
            fingerprint TEXT NOT NULL,
            method TEXT NOT NULL,
            reconciled_at TEXT NOT NULL
        );
        CREATE TABLE findings (
            story_id TEXT NOT NULL REFERENCES stories(id),
            position INTEGER NOT NULL,
            verdict TEXT NOT NULL,
            statement TEXT NOT NULL,
            attribute TEXT,
            explanation TEXT NOT NULL,
            evidence TEXT NOT NULL,
            method TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX findings_verdict ON findings(verdict);
        CREATE TABLE timeline (
            story_id TEXT NOT NULL REFERENCES stories(id),
            position INTEGER NOT NULL,
            date TEXT NOT NULL,
            precision TEXT NOT NULL,
            event TEXT NOT NULL,
            documents TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE story_entities (
            story_id TEXT NOT NULL REFERENCES stories(id),
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            aliases TEXT NOT NULL,
            documents TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX story_entities_key ON story_entities(key);
        """,
    ),
    (
        "0005_search",
        """
        -- Full-text search (FTS5) over documents' titles and bodies and over stories' titles, for the
        -- web app's /search. Both index their table's rows in place (external content, no second copy
        -- of the text); triggers keep them in step with every write, and 'rebuild' fills them for the
        -- rows already stored.
        CREATE VIRTUAL TABLE documents_search USING fts5(
            title, body, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO documents_search (documents_search) VALUES ('rebuild');
        CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_search (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;
        CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_search (documents_search, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
        END;
        CREATE TRIGGER documents_search_update AFTER UPDATE OF title, body ON documents
        WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
            INSERT INTO documents_search (documents_search, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
            INSERT INTO documents_search (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;

        CREATE VIRTUAL TABLE stories_search USING fts5(
            title, content='stories', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO stories_search (stories_search) VALUES ('rebuild');
        CREATE TRIGGER stories_search_insert AFTER INSERT ON stories BEGIN
            INSERT INTO stories_search (rowid, title) VALUES (new.rowid, new.title);
        END;
        CREATE TRIGGER stories_search_delete AFTER DELETE ON stories BEGIN
            INSERT INTO stories_search (stories_search, rowid, title) VALUES ('delete', old.rowid, old.title);
        END;
        CREATE TRIGGER stories_search_update AFTER UPDATE OF title ON stories
        WHEN old.title IS NOT new.title BEGIN
            INSERT INTO stories_search (stories_search, rowid, title) VALUES ('delete', old.rowid, old.title);
            INSERT INTO stories_search (rowid, title) VALUES (new.rowid, new.title);
        END;
        """,
    ),
    (
        "0006_mention_roles",
        """
        -- What a mention does in its clause: the verb it is an argument of and how (subject, object,
        -- time, prep:<preposition>). Reconcile compares who or when sources give for one event's role.
        ALTER TABLE mentions ADD COLUMN head TEXT;
        ALTER TABLE mentions ADD COLUMN role TEXT;
        """,
    ),
    (
        "0007_story_merges",
        """
        -- Stories merged into another (two stories of one event, tied by a later report): the merged id
        -- and the story it went into, so an id a user has kept still finds its story.
        CREATE TABLE story_merges (
            id TEXT PRIMARY KEY,
            into_id TEXT NOT NULL,
            merged_at TEXT NOT NULL
        );
        CREATE INDEX story_merges_into ON story_merges(into_id);
        """,
    ),
]
