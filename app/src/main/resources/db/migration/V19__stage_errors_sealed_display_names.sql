-- A failed pipeline stage's error is sealed like the other free text (docs/decisions/1201-data-at-rest.md): its
-- technical detail (an exception's message, which can quote a file name or a citizen's data) and its message's
-- arguments. Sealing needs the key, so the rows are sealed in Java when the counter opens: FreeTextSealing goes over
-- every free-text column again (values already sealed are skipped), batches, idempotent, crash-safe, then the WAL is
-- checkpointed and the file vacuumed.
UPDATE data_protection SET free_text_state = 0;

-- Accounts get the clerk's full name as printed on papers and in the history (docs/decisions/1301-accounts-and-roles.md);
-- NULL for an account made before: its sign-in name stands in.
ALTER TABLE accounts ADD COLUMN display_name TEXT;
