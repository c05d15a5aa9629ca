-- A component whose electronic copy could not be written (a page file lost, the disk full): why, and when. The status
-- bar, the dossier screen and `motcua doctor` then say so instead of "being made". The copy service clears these
-- rows when it starts and tries those copies again; a copy written clears its row.
CREATE TABLE copy_failures (
    component_id INTEGER PRIMARY KEY REFERENCES components (id),
    reason       TEXT NOT NULL,
    failed_at    TEXT NOT NULL
);
