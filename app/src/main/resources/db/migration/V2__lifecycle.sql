-- Lifecycle after reception: status changes with who/when/why, hand-overs for the control slip (form 06), forms
-- issued (02–07) and their numbers, result documents, and the citizen's satisfaction rating.

-- A status change is an event; these columns make "from, to, why" queryable instead of parsing the detail text.
ALTER TABLE dossier_events ADD COLUMN from_status INTEGER;
ALTER TABLE dossier_events ADD COLUMN to_status INTEGER;
ALTER TABLE dossier_events ADD COLUMN reason TEXT;

ALTER TABLE dossiers ADD COLUMN extended_appointment_at TEXT;  -- new date promised in an apology (form 04)
ALTER TABLE dossiers ADD COLUMN resolved_at TEXT;              -- status 9 reached
ALTER TABLE dossiers ADD COLUMN returned_at TEXT;              -- status 10: result handed to the citizen
ALTER TABLE dossiers ADD COLUMN rating_level INTEGER;          -- 1 = best
ALTER TABLE dossiers ADD COLUMN rating_label TEXT;
ALTER TABLE dossiers ADD COLUMN rating_scale INTEGER;          -- number of levels of the scale used

-- Rows of the control slip: who handed the dossier (or its result) to whom, and when.
CREATE TABLE handovers (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
    at         TEXT NOT NULL,
    giver      TEXT NOT NULL,
    receiver   TEXT NOT NULL,
    note       TEXT
);
CREATE INDEX handovers_dossier ON handovers (dossier_id);

-- Numbers the counter gives its own forms (e.g. 12/HDHS), per agency, form and year; like dossier codes a
-- reserved number is never reused.
CREATE TABLE form_sequences (
    agency_code TEXT NOT NULL,
    form        TEXT NOT NULL,            -- FormKind name
    year        INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (agency_code, form, year)
) WITHOUT ROWID;

CREATE TABLE issued_forms (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER REFERENCES dossiers (id),  -- NULL for the tracking book, which spans many dossiers
    form        TEXT NOT NULL,
    number      TEXT,                               -- NULL where the agency's register numbers the form
    issued_at   TEXT NOT NULL,
    issued_by   TEXT NOT NULL,
    content_id  TEXT NOT NULL,                      -- the PDF in the content store
    period_from TEXT,                               -- tracking book only
    period_to   TEXT
);
CREATE INDEX issued_forms_dossier ON issued_forms (dossier_id);

CREATE TABLE result_documents (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers (id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    content_id  TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    byte_size   INTEGER NOT NULL,
    source      TEXT NOT NULL,
    attached_at TEXT NOT NULL,
    attached_by TEXT NOT NULL,
    UNIQUE (dossier_id, position)
);
