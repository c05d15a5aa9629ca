package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.application.port.ReportQueries;
import vn.motcua.counter.domain.Status;

/**
 * Counts the report's figures in one read, from what the dossier lifecycle records (V2): {@code dossiers.resolved_at}
 * against the appointment, {@code result_documents} (a result attached is a digitized result) and the rating given
 * at return ({@code dossiers.rating_level}, {@code returned_at}).
 */
public final class SqliteReports implements ReportQueries {

    private final Database db;

    public SqliteReports(Database db) {
        this.db = db;
    }

    @Override
    public CounterReport counterReport(LocalDate from, LocalDate to, LocalDateTime now, Set<Status> openStatuses,
                                       String agencyCode) {
        String start = from.atStartOfDay().toString();
        String end = to.plusDays(1).atStartOfDay().toString();
        String open = openStatuses.stream().map(s -> String.valueOf(s.portalCode())).collect(Collectors.joining(","));
        return db.read(c -> {
            int[] received = counts(c, "SELECT COUNT(*) FROM dossiers WHERE received_at >= ? AND received_at < ?",
                    start, end);
            int[] overdue = counts(c, "SELECT COUNT(*) FROM dossiers WHERE status IN (" + open
                    + ") AND appointment_at < ?", now.toString());
            int[] components = counts(c, """
                    SELECT COUNT(*), COALESCE(SUM(EXISTS (SELECT 1 FROM pages p WHERE p.component_id = c.id)), 0)
                    FROM components c JOIN dossiers d ON d.id = c.dossier_id
                    WHERE d.received_at >= ? AND d.received_at < ?""", start, end);
            int[] resolved = counts(c, """
                    SELECT COALESCE(SUM(resolved_at <= appointment_at), 0), COALESCE(SUM(resolved_at > appointment_at), 0),
                           COUNT(*),
                           COALESCE(SUM(EXISTS (SELECT 1 FROM result_documents r WHERE r.dossier_id = dossiers.id)), 0)
                    FROM dossiers WHERE resolved_at >= ? AND resolved_at < ?""", start, end);
            return new CounterReport(from, to, now, agencyCode, received[0], resolved[0], resolved[1], overdue[0],
                    components[0], components[1], resolved[2], resolved[3], satisfaction(c, start, end));
        });
    }

    /**
     * Ratings given when results were returned in the period, by the label stored with each (what the citizen
     * chose, "Hài lòng"), best level first; a label that moved level when the scale changed is counted once.
     */
    private static Map<String, Integer> satisfaction(Connection c, String start, String end) throws SQLException {
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> level : Rows.list(c, """
                SELECT COALESCE(rating_label, CAST(rating_level AS TEXT)), COUNT(*) FROM dossiers
                WHERE rating_level IS NOT NULL AND returned_at >= ? AND returned_at < ?
                GROUP BY rating_level, rating_label ORDER BY rating_level""",
                rs -> Map.entry(rs.getString(1), rs.getInt(2)), start, end)) {
            distribution.merge(level.getKey(), level.getValue(), Integer::sum);
        }
        return distribution;
    }

    /** The integer columns of the query's single row. */
    private static int[] counts(Connection c, String sql, String... parameters) throws SQLException {
        return Rows.first(c, sql, rs -> {
            int[] values = new int[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getInt(i + 1);
            }
            return values;
        }, (Object[]) parameters).orElseThrow();
    }
}
