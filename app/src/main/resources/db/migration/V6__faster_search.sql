-- Search at 200,000 dossiers and 2 million OCR'd pages (docs/benchmarks.md).

-- 1. Names are searched as they are typed ("n", "nguyen v"): FTS5 answers a one- to three-letter word prefix from
--    its prefix index instead of merging, on every keystroke, the entries of every name that starts with it. The
--    index is rebuilt from dossiers.applicant_name_folded, its content table.
DROP TABLE dossier_names;
CREATE VIRTUAL TABLE dossier_names USING fts5(
    applicant_name_folded, content = 'dossiers', content_rowid = 'id', tokenize = 'unicode61', prefix = '1 2 3');
INSERT INTO dossier_names (dossier_names) VALUES ('rebuild');

-- 2. A page-text hit reaches its dossier through pages(content_id) and the page's component: with component_id in
--    the index, that step reads the index alone and not the page row.
CREATE INDEX pages_content_component ON pages (content_id, component_id);
DROP INDEX pages_content;
