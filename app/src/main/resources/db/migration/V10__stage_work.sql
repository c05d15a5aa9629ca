-- One durable table of the pipeline's work (docs/architecture.md, "The stage runner"): every page's clean-up and
-- OCR, every component's electronic copy, and later each copy's signature and each dossier's sending, with its
-- state, attempts, last error and next attempt. It replaces the state that was spread over pages.ocr_state,
-- pages.ocr_error and copy_failures; what the stages produce stays where it was (pages.ocr_text and the cleaned
-- image columns, electronic_copies).
CREATE TABLE stage_work (
    id            INTEGER PRIMARY KEY,
    stage         TEXT    NOT NULL,  -- Stage enum name: PAGE_TEXT, ELECTRONIC_COPY, …
    subject_id    INTEGER NOT NULL,  -- pages.id, components.id or dossiers.id, by the stage's subject
    component_id  INTEGER REFERENCES components (id),  -- the subject's component (NULL for a dossier stage)
    dossier_id    INTEGER NOT NULL REFERENCES dossiers (id),
    state         TEXT    NOT NULL CHECK (state IN ('WAITING', 'RUNNING', 'DONE', 'FAILED', 'BLOCKED')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    error_key     TEXT,              -- message key of the last failure (i18n/messages*.properties)
    error_args    TEXT,              -- its arguments, as a JSON array of strings
    error_detail  TEXT,              -- the technical cause, for IT staff
    not_before    INTEGER,           -- next attempt after a retryable failure (epoch milliseconds)
    waiting_for   TEXT,              -- what a BLOCKED item waits for, e.g. signing-token
    created_at    TEXT    NOT NULL,  -- ISO 8601; rows migrated from V9 keep the reception's Vietnam local time
    updated_at    TEXT    NOT NULL,
    UNIQUE (stage, subject_id)
);
-- The runner's claim looks only at unfinished items; the order checks look for unfinished items of an earlier stage
-- in the same component or dossier. Both stay small while DONE rows pile up over the years.
CREATE INDEX stage_work_open ON stage_work (stage, state, id) WHERE state IN ('WAITING', 'RUNNING', 'BLOCKED');
CREATE INDEX stage_work_open_component ON stage_work (component_id, stage) WHERE state IN ('WAITING', 'RUNNING', 'BLOCKED');
CREATE INDEX stage_work_open_dossier ON stage_work (dossier_id, stage) WHERE state IN ('WAITING', 'RUNNING', 'BLOCKED');
CREATE INDEX stage_work_failed ON stage_work (stage, id) WHERE state = 'FAILED';
CREATE INDEX stage_work_dossier ON stage_work (dossier_id);

-- Pages: PENDING was waiting for OCR, DONE read, FAILED unreadable (its reason in ocr_error).
INSERT INTO stage_work (stage, subject_id, component_id, dossier_id, state, attempts, error_key, error_args,
                        error_detail, created_at, updated_at)
SELECT 'PAGE_TEXT', p.id, p.component_id, c.dossier_id,
       CASE p.ocr_state WHEN 'PENDING' THEN 'WAITING' ELSE p.ocr_state END,
       CASE p.ocr_state WHEN 'PENDING' THEN 0 ELSE 1 END,
       CASE p.ocr_state WHEN 'FAILED' THEN 'stage.page_text.failed' END,
       CASE p.ocr_state WHEN 'FAILED' THEN '[]' END,
       CASE p.ocr_state WHEN 'FAILED' THEN p.ocr_error END,
       d.received_at, coalesce(p.ocr_at, d.received_at)
FROM pages p JOIN components c ON c.id = p.component_id JOIN dossiers d ON d.id = c.dossier_id
ORDER BY p.id;

-- Components with pages: a copy made is DONE, a recorded copy failure FAILED, anything else still to be made
-- (WAITING: the runner makes it once no page of the component is left to read).
INSERT INTO stage_work (stage, subject_id, component_id, dossier_id, state, attempts, error_key, error_args,
                        error_detail, created_at, updated_at)
SELECT 'ELECTRONIC_COPY', c.id, c.id, c.dossier_id,
       CASE WHEN e.component_id IS NOT NULL THEN 'DONE' WHEN f.component_id IS NOT NULL THEN 'FAILED' ELSE 'WAITING' END,
       CASE WHEN e.component_id IS NOT NULL OR f.component_id IS NOT NULL THEN 1 ELSE 0 END,
       CASE WHEN e.component_id IS NULL AND f.component_id IS NOT NULL THEN 'stage.ELECTRONIC_COPY.unexpected' END,
       CASE WHEN e.component_id IS NULL AND f.component_id IS NOT NULL THEN '[]' END,
       CASE WHEN e.component_id IS NULL THEN f.reason END,
       d.received_at, coalesce(e.made_at, f.failed_at, d.received_at)
FROM components c JOIN dossiers d ON d.id = c.dossier_id
LEFT JOIN electronic_copies e ON e.component_id = c.id
LEFT JOIN copy_failures f ON f.component_id = c.id
WHERE EXISTS (SELECT 1 FROM pages p WHERE p.component_id = c.id)
ORDER BY c.id;

DROP TABLE copy_failures;
DROP INDEX pages_ocr_pending;
ALTER TABLE pages DROP COLUMN ocr_state;
ALTER TABLE pages DROP COLUMN ocr_error;
-- ocr_at stays: when the page's text was read (NULL for a page never read)
UPDATE pages SET ocr_at = NULL WHERE ocr_text IS NULL;
