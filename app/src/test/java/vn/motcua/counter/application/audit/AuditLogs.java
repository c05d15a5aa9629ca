package vn.motcua.counter.application.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.counter.bootstrap.CounterWiring;

/** What a test does to an audit log directly in the SQLite file, as an attacker or an older version would. */
public final class AuditLogs {

    private AuditLogs() {
    }

    public static List<AuditEntry> entries(Connection c) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, recorded_at, actor, counter, action, dossier_code, detail,"
                     + " previous_hash, entry_hash FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                entries.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return entries;
    }

    /**
     * Links and hashes every entry again in place order with {@code chain} and writes the anchor to match, on a
     * connection whose append-only triggers are gone.
     */
    public static void chainAgain(Connection c, AuditChain chain, Path anchor) throws SQLException, IOException {
        String previous = AuditChain.GENESIS;
        AuditEntry last = null;
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE audit_log SET previous_hash = ?, entry_hash = ? WHERE seq = ?")) {
            for (AuditEntry entry : entries(c)) {
                last = entry.rechained(previous, chain);
                update.setString(1, last.previousHash());
                update.setString(2, last.hash());
                update.setLong(3, last.seq());
                update.executeUpdate();
                previous = last.hash();
            }
        }
        if (last != null) {
            Files.writeString(anchor, "count=" + last.seq() + "\nhash=" + last.hash() + "\n");
        }
    }

    public static boolean intactUnder(Path data, AuditChain chain) throws SQLException {
        try (Connection c = open(data)) {
            List<AuditEntry> entries = entries(c);
            return !entries.isEmpty() && entries.stream().allMatch(chain::intact);
        }
    }

    public static List<String> actions(Path data) throws SQLException {
        try (Connection c = open(data)) {
            return entries(c).stream().map(AuditEntry::action).toList();
        }
    }

    public static Connection open(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
    }
}
