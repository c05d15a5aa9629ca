-- Sending dossiers to the provincial hub (docs/decisions/0802-sync-in-the-counter.md). What is to be sent is the
-- SEND_DOSSIER item in stage_work (enqueued or reopened in the transaction of each change); this table keeps, per
-- dossier, the revision last offered to the hub with the hash of its content, and the revision the hub accepted.
-- A revision is bumped only when the content differs from the one last offered, so a retry after a lost answer
-- offers the same revision with the same content (the hub answers "accepted" again, never "conflict").
CREATE TABLE sync_revisions (
    dossier_id     INTEGER PRIMARY KEY REFERENCES dossiers (id),
    revision       INTEGER NOT NULL,   -- last revision offered to the hub
    content_hash   TEXT    NOT NULL,   -- SHA-256 of its canonical manifest, revision left out
    offered_at     TEXT    NOT NULL,
    sent_revision  INTEGER,            -- last revision the hub accepted (by the network or a receipt); NULL: none
    sent_at        TEXT
);
