-- Applicants are identified by a personal ID number, a passport or an organisation's tax code. The number stays in
-- applicant_id_number (indexed, searched); its kind says how to read it. Rows before V5 are personal ID numbers.
ALTER TABLE dossiers ADD COLUMN applicant_id_kind TEXT NOT NULL DEFAULT 'PERSONAL_ID'
    CHECK (applicant_id_kind IN ('PERSONAL_ID', 'PASSPORT', 'TAX_CODE'));
ALTER TABLE dossiers ADD COLUMN applicant_id_country TEXT;     -- a passport's issuing country (ISO alpha-3)
ALTER TABLE dossiers ADD COLUMN applicant_representative TEXT; -- who brought an organisation's dossier
