-- Data at rest (docs/decisions/1201-data-at-rest.md). Personal columns are sealed in Java with the data folder's key
-- (FieldCipher, values "~1…"); what search compares becomes keyed tokens. Sealing needs the key, so the rows are only
-- prepared here; the counter seals them and fills the tokens when it opens (ColumnSealing: batches, idempotent,
-- crash-safe), then checkpoints the WAL and vacuums the file so no plain value is left in free pages.

-- 1. ID numbers are found by their token; the index on the plain number goes.
ALTER TABLE dossiers ADD COLUMN applicant_id_token TEXT;
CREATE INDEX dossiers_applicant_id_token ON dossiers (applicant_id_token);
DROP INDEX dossiers_applicant_id;

-- 2. Names: applicant_name_folded holds a token for every prefix of every folded word (a search types word starts),
--    so the index needs no prefix option; filled and rebuilt by the store (DossierIndex.backfill).
DROP TABLE dossier_names;
UPDATE dossiers SET applicant_name_folded = NULL;
CREATE VIRTUAL TABLE dossier_names USING fts5(
    applicant_name_folded, content = 'dossiers', content_rowid = 'id', tokenize = 'unicode61');

-- 3. Page text: one token per folded word; re-indexed from pages.ocr_text by the counter.
DROP TABLE page_text;
DELETE FROM page_texts;
CREATE VIRTUAL TABLE page_text USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'unicode61');

-- 4. Where the sealing of this file stands: 0 rows to seal and index, 1 sealed (checkpoint and VACUUM to do), 2 done.
CREATE TABLE data_protection (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    columns_state INTEGER NOT NULL
);
INSERT INTO data_protection (id, columns_state) VALUES (1, 0);
