package vn.motcua.counter.adapters.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-place sealing of free text written before V17 ({@link PersonalColumns#FREE_TEXT}: event details and reasons,
 * hand-over names and notes, component notes, result document names; since V19 also the pipeline's stage errors),
 * run when the database opens with a cipher, the way {@link ColumnSealing} sealed the applicant's columns: batches of
 * rows per transaction, idempotent (a value starting with {@code ~1} is sealed already), then the WAL checkpointed and
 * the file vacuumed so no plain text is left in free pages; {@code data_protection.free_text_state} says what is left
 * (0 rows, 1 checkpoint and VACUUM, 2 nothing). A start killed half-way carries on where it stopped
 * ({@code FreeTextSealingCrashTest}).
 */
final class FreeTextSealing {

    private static final Logger LOG = LoggerFactory.getLogger(FreeTextSealing.class);
    private static final int BATCH = Integer.getInteger("motcua.sealing.batch", 500);

    private FreeTextSealing() {
    }

    static void finish(Database db) {
        PersonalColumns columns = db.columns();
        if (!columns.sealing()) {
            return;   // a store on its own: the counter, with the key, seals the rows later
        }
        int state = db.read(c -> Rows.first(c, "SELECT free_text_state FROM data_protection WHERE id = 1",
                rs -> rs.getInt(1)).orElse(2));
        if (state >= 2) {
            return;
        }
        if (state == 0) {
            int sealed = 0;
            for (Map.Entry<String, List<String>> table : tables().entrySet()) {
                sealed += seal(db, columns, table.getKey(), table.getValue());
            }
            int next = sealed > 0 ? 1 : 2;   // nothing was plain (a new folder): no VACUUM needed
            db.inTransaction(c -> Rows.update(c, "UPDATE data_protection SET free_text_state = ? WHERE id = 1", next));
            if (sealed == 0) {
                return;
            }
            LOG.info("sealed free text in {} rows", sealed);
        }
        ColumnSealing.checkpointAndVacuum(db);
        db.inTransaction(c -> Rows.update(c, "UPDATE data_protection SET free_text_state = 2 WHERE id = 1"));
    }

    /** Table name to its free-text columns, from {@link PersonalColumns#FREE_TEXT} ("table.column"). */
    private static Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String qualified : PersonalColumns.FREE_TEXT) {
            int dot = qualified.indexOf('.');
            tables.computeIfAbsent(qualified.substring(0, dot), t -> new ArrayList<>())
                    .add(qualified.substring(dot + 1));
        }
        return tables;
    }

    private static int seal(Database db, PersonalColumns columns, String table, List<String> names) {
        List<String> plain = names.stream().map(n -> "(" + n + " IS NOT NULL AND substr(" + n + ", 1, 2) <> '~1')")
                .toList();
        String select = "SELECT id, " + String.join(", ", names) + " FROM " + table + " WHERE ("
                + String.join(" OR ", plain) + ") AND id > ? ORDER BY id LIMIT " + BATCH;
        String update = "UPDATE " + table + " SET " + String.join(" = ?, ", names) + " = ? WHERE id = ?";
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            long[] batch = db.inTransaction(c -> {
                long last = from;
                int n = 0;
                try (PreparedStatement query = c.prepareStatement(select);
                     PreparedStatement st = c.prepareStatement(update)) {
                    query.setLong(1, from);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            for (int k = 0; k < names.size(); k++) {
                                String value = rs.getString(k + 2);
                                st.setString(k + 1, value == null || value.startsWith("~1") ? value
                                        : columns.seal(table + "." + names.get(k), value));
                            }
                            st.setLong(names.size() + 1, last);
                            st.addBatch();
                            n++;
                        }
                    }
                    st.executeBatch();
                }
                return new long[] {n, last};
            });
            if (batch[0] == 0) {
                return done;
            }
            done += (int) batch[0];
            after = batch[1];
        }
    }
}
