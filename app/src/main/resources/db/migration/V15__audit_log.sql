-- The audit log (docs/decisions/1302-audit-log.md): every view, print, export and change of a dossier's personal
-- data, who, when, from which counter, as an append-only hash chain. Each entry keeps the SHA-256 of the entry before
-- it (entry_hash covers seq, time, actor, counter, action, dossier code, detail and previous_hash), so a removed,
-- reordered or altered entry breaks the chain; `motcua audit verify` walks it. No personal data beyond the dossier
-- code is written here (the detail holds form numbers, revisions, counts: never names or ID numbers).
CREATE TABLE audit_log (
    seq           INTEGER PRIMARY KEY,   -- 1, 2, 3, … without gaps
    recorded_at   TEXT    NOT NULL,      -- ISO 8601 instant (UTC)
    actor         TEXT    NOT NULL,      -- who: the signed-in account, until accounts exist the OS user
    counter       TEXT    NOT NULL,      -- from which counter: agency code and counter number
    action        TEXT    NOT NULL,      -- VIEW, PRINT, EXPORT, RECEIVE, CHANGE, SEND, REMOVE
    dossier_code  TEXT,                  -- NULL for what spans dossiers (a report, the tracking book)
    detail        TEXT    NOT NULL,
    previous_hash TEXT    NOT NULL,      -- 64 zeros for the first entry
    entry_hash    TEXT    NOT NULL UNIQUE
);
CREATE INDEX audit_log_dossier ON audit_log (dossier_code, seq);
CREATE INDEX audit_log_time ON audit_log (recorded_at);

-- Append-only at the SQL level too: an entry can be added, never changed nor removed (an attacker who drops these
-- triggers is caught by the chain instead).
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Retention (docs/decisions/1303-retention.md) removes a synced, returned dossier whole, its history included. The
-- history stays append-only for everything else: its rows may go only once the removal of their dossier is in the
-- audit log (recorded in the same transaction, before the rows are deleted).
DROP TRIGGER dossier_events_append_only_delete;
CREATE TRIGGER dossier_events_append_only_delete BEFORE DELETE ON dossier_events
WHEN NOT EXISTS (SELECT 1 FROM audit_log a JOIN dossiers d ON d.code = a.dossier_code
                 WHERE d.id = OLD.dossier_id AND a.action = 'REMOVE')
BEGIN
    SELECT RAISE(ABORT, 'dossier_events is append-only');
END;
