-- Catalogue history, agency codes with effective dates, offline-safe dossier codes, lists and search.
-- (search branch; V2 belongs to the lifecycle branch.)

-- 1. Catalogue versions. `procedures` keeps the current definition; every definition a procedure has had stays in
--    procedure_versions, and a dossier records the version it was received under.
ALTER TABLE procedures ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE procedure_versions (
    code            TEXT NOT NULL,
    version         INTEGER NOT NULL,
    name            TEXT NOT NULL,
    field           TEXT,
    processing_days INTEGER,
    definition_json TEXT NOT NULL,
    imported_at     TEXT,               -- NULL for definitions imported before versions were kept
    source          TEXT,               -- the imported file's name
    PRIMARY KEY (code, version)
) WITHOUT ROWID;
INSERT INTO procedure_versions (code, version, name, field, processing_days, definition_json, imported_at, source)
SELECT code, 1, name, field, processing_days, definition_json, NULL, NULL FROM procedures;
ALTER TABLE dossiers ADD COLUMN procedure_version INTEGER;
UPDATE dossiers SET procedure_version = 1 WHERE procedure_code IN (SELECT code FROM procedures);

-- 2. Agency codes and when they apply (QCVN 102:2016; the 2025 reorganisation closed codes).
CREATE TABLE agencies (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    level      INTEGER,
    valid_from TEXT,                    -- yyyy-MM-dd, NULL: since ever
    valid_to   TEXT,                    -- yyyy-MM-dd, last day the code may be used; NULL: still open
    source     TEXT
) WITHOUT ROWID;

-- 3. Dossier codes unique across the counters of one agency without a network (docs/decisions/0501): each counter
--    hands out every counter_count-th number starting at its counter_number. The partition in force is fixed on the
--    day's first reservation, so a changed setting applies from the next day.
ALTER TABLE code_sequences ADD COLUMN counter_number INTEGER NOT NULL DEFAULT 1;
ALTER TABLE code_sequences ADD COLUMN counter_count INTEGER NOT NULL DEFAULT 1;

-- 4. Lists and search. Names are folded in Java (DiacriticFolding: đ → d, which SQLite's tokenizer cannot do) and
--    indexed by FTS5 for word-prefix search; OCR'd page text is folded the same way into a contentless index.
ALTER TABLE dossiers ADD COLUMN applicant_name_folded TEXT;
CREATE VIRTUAL TABLE dossier_names USING fts5(
    applicant_name_folded, content = 'dossiers', content_rowid = 'id', tokenize = 'unicode61');
CREATE INDEX dossiers_code_tail ON dossiers (substr(code, -11));           -- "YYMMDD-NNNN" typed without the agency
CREATE INDEX dossiers_status_appointment ON dossiers (status, appointment_at);
CREATE INDEX pages_content ON pages (content_id);

CREATE TABLE page_texts (
    id         INTEGER PRIMARY KEY,     -- the rowid of the page's entry in page_text
    content_id TEXT NOT NULL UNIQUE,    -- pages.content_id: the same image in two dossiers is found in both
    indexed_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE page_text USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'unicode61');
