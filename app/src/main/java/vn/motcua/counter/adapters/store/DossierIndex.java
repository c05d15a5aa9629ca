package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.counter.domain.Applicant;

/**
 * The columns V3 added to a dossier row, kept apart from the row's insert so the reception code stays as it was:
 * the catalogue version the dossier was received under, and the folded names searched for it with their FTS5 entry.
 * Those names are the applicant's and, for an organisation, its representative's (V8): the clerk often knows the
 * person who came to the counter, not the company's registered name. Since V13 the column holds keyed tokens of
 * every prefix of every folded word ({@link PersonalColumns#nameTokens}), not the names (decision 1201).
 */
final class DossierIndex {

    private DossierIndex() {
    }

    /**
     * Runs in the reception's transaction, so the version read is the one in force when the dossier was saved (an
     * import commits before or after a reception, never in the middle of one).
     */
    static void afterInsert(Connection c, PersonalColumns columns, long dossierId, String procedureCode,
                            Applicant applicant) throws SQLException {
        String names = columns.nameTokens(applicant.fullName(), applicant.representative());
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE dossiers SET applicant_name_folded = ?,
                    procedure_version = (SELECT version FROM procedures WHERE code = ?)
                WHERE id = ?""")) {
            st.setString(1, names);
            st.setString(2, procedureCode);
            st.setLong(3, dossierId);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO dossier_names (rowid, applicant_name_folded) VALUES (?, ?)")) {
            st.setLong(1, dossierId);
            st.setString(2, names);
            st.executeUpdate();
        }
    }

    /**
     * Dossiers saved before V3, and organisations' dossiers saved before V8, get their folded names once, when the
     * store opens; the names index is then rebuilt from its content table, which also drops the entries V8 made
     * stale (an external-content FTS5 entry can only be deleted with the exact text it was indexed with).
     */
    static void backfill(Connection c, PersonalColumns columns) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT id, applicant_name, applicant_representative FROM dossiers
                WHERE applicant_name_folded IS NULL""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getLong(1), columns.nameTokens(columns.open("applicant_name", rs.getString(2)),
                        columns.open("applicant_representative", rs.getString(3))));
            }
        }
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE dossiers SET applicant_name_folded = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> name : names.entrySet()) {
                st.setString(1, name.getValue());
                st.setLong(2, name.getKey());
                st.executeUpdate();
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO dossier_names (dossier_names) VALUES ('rebuild')")) {
            st.executeUpdate();
        }
    }
}
