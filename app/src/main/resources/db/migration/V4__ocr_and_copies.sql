-- OCR per page and the electronic copy (PDF/A-2u) per component (app/CAPTURE.md, docs/decisions/0301).
-- Every page row starts PENDING, so a dossier's pages are queued for OCR in the very transaction that saves the
-- dossier, and pages received before this migration are OCR'd in the background too. A cancelled or interrupted
-- page simply stays PENDING and is read again after a restart.
ALTER TABLE pages ADD COLUMN ocr_state TEXT NOT NULL DEFAULT 'PENDING'
    CHECK (ocr_state IN ('PENDING', 'DONE', 'FAILED'));
ALTER TABLE pages ADD COLUMN page_kind TEXT;               -- BILEVEL, GREY or COLOUR, as the clean-up found it
ALTER TABLE pages ADD COLUMN ocr_language TEXT;            -- Tesseract language, e.g. vie
ALTER TABLE pages ADD COLUMN ocr_mean_confidence REAL;     -- 0-100
ALTER TABLE pages ADD COLUMN ocr_text TEXT;                -- as laid out by Tesseract; page_text indexes it folded
-- {"width","height","dpi","words":[[text, x, y, w, h, baseline, confidence], ...]} in the pixels of the image OCR
-- read: for hit highlighting and for writing the copy's text layer again.
ALTER TABLE pages ADD COLUMN ocr_words TEXT;
ALTER TABLE pages ADD COLUMN ocr_error TEXT;               -- why OCR failed (FAILED only)
ALTER TABLE pages ADD COLUMN ocr_at TEXT;
CREATE INDEX pages_ocr_pending ON pages (component_id) WHERE ocr_state = 'PENDING';

-- One row per component whose copy is written; a component with pages and no row here still needs its copy.
CREATE TABLE electronic_copies (
    component_id INTEGER PRIMARY KEY REFERENCES components (id),
    content_id   TEXT NOT NULL,     -- the PDF/A in the content store
    byte_size    INTEGER NOT NULL,
    page_count   INTEGER NOT NULL,
    pages_failed INTEGER NOT NULL,  -- pages whose OCR failed: in the copy as images without a text layer
    made_at      TEXT NOT NULL
);
