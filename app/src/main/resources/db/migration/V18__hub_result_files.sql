-- Result documents the processing department attached on the hub (a RESULT change of its feed, decision 0803), to
-- be downloaded into the content store and attached to the dossier as results (result_documents, source HUB). One row
-- per dossier and file, written in the transaction that applies the change (a file named again, by the same or a
-- later change, is the same row); the download is the FETCH_RESULT stage's item in stage_work (subject: this row),
-- which keeps its state, attempts and reason, so it runs outside that transaction, survives a restart and attaches
-- the file once.
CREATE TABLE hub_result_files (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers (id),
    seq         INTEGER NOT NULL,   -- the change that named it first (hub_changes.seq)
    sha256      TEXT    NOT NULL,   -- lower-case hex: the content id once downloaded
    byte_size   INTEGER NOT NULL,
    name        TEXT    NOT NULL,   -- the department's file name, sealed like result_documents.name (decision 1201)
    at          TEXT    NOT NULL,   -- when the department attached it, Vietnam time
    by_name     TEXT    NOT NULL,   -- who on the hub
    UNIQUE (dossier_id, sha256)
);
