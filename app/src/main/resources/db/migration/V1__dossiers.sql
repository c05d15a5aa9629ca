-- The counter's local store. Dossier rows copy what applied at reception (procedure name, time limit), so a later
-- catalogue update never changes a received dossier.

CREATE TABLE procedures (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    field           TEXT,
    processing_days INTEGER,           -- NULL: the catalogue does not state it
    definition_json TEXT NOT NULL      -- the whole procedure, components included
);

CREATE TABLE code_sequences (
    agency_code TEXT NOT NULL,
    day         TEXT NOT NULL,          -- yyyy-MM-dd
    last_number INTEGER NOT NULL,
    PRIMARY KEY (agency_code, day)
) WITHOUT ROWID;

CREATE TABLE dossiers (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE,
    agency_code          TEXT NOT NULL,
    procedure_code       TEXT NOT NULL,
    procedure_name       TEXT NOT NULL,
    processing_days      INTEGER NOT NULL,
    processing_hours     INTEGER NOT NULL DEFAULT 0,  -- set only for limits stated in working hours
    applicant_name       TEXT NOT NULL,
    applicant_id_number  TEXT NOT NULL,
    applicant_birth_date TEXT,
    applicant_sex        TEXT,
    applicant_address    TEXT,
    applicant_phone      TEXT,
    applicant_email      TEXT,
    status               INTEGER NOT NULL,
    received_at          TEXT NOT NULL,  -- local time, yyyy-MM-ddTHH:mm:ss (Vietnam, UTC+7)
    appointment_at       TEXT NOT NULL,
    received_by          TEXT NOT NULL,
    receipt_content_id   TEXT NOT NULL
);
CREATE INDEX dossiers_received_at ON dossiers (received_at);
CREATE INDEX dossiers_applicant_id ON dossiers (applicant_id_number);

CREATE TABLE components (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    originals  INTEGER,
    copies     INTEGER,
    note       TEXT,
    UNIQUE (dossier_id, position)
);

CREATE TABLE pages (
    id           INTEGER PRIMARY KEY,
    component_id INTEGER NOT NULL REFERENCES components (id),
    position     INTEGER NOT NULL,
    content_id   TEXT NOT NULL,          -- SHA-256 of the file in the content store
    media_type   TEXT NOT NULL,
    byte_size    INTEGER NOT NULL,
    source       TEXT NOT NULL,
    UNIQUE (component_id, position)
);

CREATE TABLE dossier_events (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    detail     TEXT NOT NULL
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id);

-- The history is evidence: nothing may rewrite or remove it.
CREATE TRIGGER dossier_events_append_only_update BEFORE UPDATE ON dossier_events
BEGIN
    SELECT RAISE(ABORT, 'dossier_events is append-only');
END;
CREATE TRIGGER dossier_events_append_only_delete BEFORE DELETE ON dossier_events
BEGIN
    SELECT RAISE(ABORT, 'dossier_events is append-only');
END;
