-- Free text that may name people is sealed too (docs/decisions/1201-data-at-rest.md): event details and reasons, who
-- handed a dossier to whom (the citizen, when the result is returned) and the hand-over's note, a component's note,
-- a result document's name. Sealing needs the key, so the rows are sealed in Java when the counter opens
-- (FreeTextSealing: batches, idempotent, crash-safe), then the WAL is checkpointed and the file vacuumed.
-- (V16 is left to the sync work done beside this.)

-- Where it stands: 0 rows to seal, 1 sealed (checkpoint and VACUUM to do), 2 done.
ALTER TABLE data_protection ADD COLUMN free_text_state INTEGER NOT NULL DEFAULT 0;

-- The history stays append-only; the one change allowed is sealing a plain detail or reason in place (a value that
-- already starts with the sealed prefix '~1' never changes again), every other column as it was.
DROP TRIGGER dossier_events_append_only_update;
CREATE TRIGGER dossier_events_append_only_update BEFORE UPDATE ON dossier_events
WHEN NEW.id IS NOT OLD.id OR NEW.dossier_id IS NOT OLD.dossier_id OR NEW.at IS NOT OLD.at
    OR NEW.actor IS NOT OLD.actor OR NEW.kind IS NOT OLD.kind
    OR NEW.from_status IS NOT OLD.from_status OR NEW.to_status IS NOT OLD.to_status
    OR (NEW.detail IS NOT OLD.detail AND (substr(OLD.detail, 1, 2) = '~1' OR substr(NEW.detail, 1, 2) <> '~1'))
    OR (NEW.reason IS NOT OLD.reason AND (OLD.reason IS NULL OR NEW.reason IS NULL
        OR substr(OLD.reason, 1, 2) = '~1' OR substr(NEW.reason, 1, 2) <> '~1'))
BEGIN
    SELECT RAISE(ABORT, 'dossier_events is append-only');
END;
