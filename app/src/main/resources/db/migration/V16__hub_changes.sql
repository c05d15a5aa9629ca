-- The hub's changes feed applied to this counter's dossiers (docs/decisions/0803-pulling-the-hubs-changes.md). One row
-- per change of the feed (its seq, the hub's number for this counter), written in the same transaction as what the
-- change did to the dossier (its status and a history event), so a change handed over twice (the cursor, kept by the
-- sync client in sync_cursor, moves only after a whole page) is recognised by its seq and applied once. Changes for
-- a dossier this counter does not hold, or that the local lifecycle refuses, are kept too: never lost, never retried.
CREATE TABLE hub_changes (
    seq          INTEGER PRIMARY KEY,
    dossier_code TEXT    NOT NULL,
    kind         TEXT    NOT NULL,   -- STATUS, SUPPLEMENT_REQUEST, RESULT (the feed's kind)
    status       INTEGER NOT NULL,   -- the status on the hub with this change (1–10)
    at           TEXT    NOT NULL,   -- when the department did it, Vietnam time
    by_name      TEXT    NOT NULL,   -- who on the hub
    reason       TEXT,
    files        INTEGER NOT NULL,   -- result documents named by the change
    outcome      TEXT    NOT NULL,   -- APPLIED, ALREADY_THERE, REFUSED, UNKNOWN_DOSSIER
    local_status INTEGER,            -- the dossier's status here before the change (NULL: unknown dossier)
    recorded_at  TEXT    NOT NULL
);
CREATE INDEX hub_changes_dossier ON hub_changes (dossier_code, seq);
