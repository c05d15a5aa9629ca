package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.counter.domain.DiacriticFolding;

/**
 * The columns V3 added to a dossier row, kept apart from the row's insert so the reception code stays as it was:
 * the catalogue version the dossier was received under, and the folded applicant name with its FTS5 entry.
 */
final class DossierIndex {

    private DossierIndex() {
    }

    /**
     * Runs in the reception's transaction, so the version read is the one in force when the dossier was saved (an
     * import commits before or after a reception, never in the middle of one).
     */
    static void afterInsert(Connection c, long dossierId, String procedureCode, String applicantName)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE dossiers SET applicant_name_folded = ?,
                    procedure_version = (SELECT version FROM procedures WHERE code = ?)
                WHERE id = ?""")) {
            st.setString(1, DiacriticFolding.fold(applicantName));
            st.setString(2, procedureCode);
            st.setLong(3, dossierId);
            st.executeUpdate();
        }
        indexName(c, dossierId, DiacriticFolding.fold(applicantName));
    }

    /** Dossiers saved before V3 get their folded name once, when the store opens. */
    static void backfill(Connection c) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, applicant_name FROM dossiers WHERE applicant_name_folded IS NULL");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE dossiers SET applicant_name_folded = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> name : names.entrySet()) {
                st.setString(1, DiacriticFolding.fold(name.getValue()));
                st.setLong(2, name.getKey());
                st.executeUpdate();
                indexName(c, name.getKey(), DiacriticFolding.fold(name.getValue()));
            }
        }
    }

    private static void indexName(Connection c, long dossierId, String folded) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO dossier_names (rowid, applicant_name_folded) VALUES (?, ?)")) {
            st.setLong(1, dossierId);
            st.setString(2, folded);
            st.executeUpdate();
        }
    }
}
