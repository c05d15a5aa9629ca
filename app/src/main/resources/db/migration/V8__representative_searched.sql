-- An organisation's dossier is also found by its representative's name (người đại diện), the person the clerk met.
-- applicant_name_folded now holds the folded names searched for a dossier: the applicant's, then the
-- representative's. Folding is Java's (DiacriticFolding), so the rows are only marked here; the store fills them
-- and rebuilds the names index when it opens (DossierIndex.backfill).
UPDATE dossiers SET applicant_name_folded = NULL WHERE applicant_representative IS NOT NULL;
