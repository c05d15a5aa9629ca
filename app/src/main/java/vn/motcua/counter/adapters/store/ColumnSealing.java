package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-place migration of a data folder from before decision 1201, run when the database opens after V13: personal
 * columns sealed, ID tokens filled, the names and page-text indexes rebuilt with keyed tokens, then the WAL
 * checkpointed and the file vacuumed so no plain value is left in it. Crash-safe: each batch of rows is one
 * transaction and idempotent (a sealed value starts with {@code ~1} and is not sealed again; a row with its ID token
 * and a page in {@code page_texts} are done), so a start after a SIGKILL carries on where the last one stopped;
 * {@code data_protection.columns_state} says what is left (0 rows, 1 checkpoint and VACUUM, 2 nothing).
 */
final class ColumnSealing {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnSealing.class);
    /** Rows per transaction; {@code motcua.sealing.batch} makes it smaller (the crash test's kills land mid-way). */
    private static final int BATCH = Integer.getInteger("motcua.sealing.batch", 500);
    static final List<String> DOSSIER_COLUMNS = List.of("applicant_name", "applicant_id_number",
            "applicant_birth_date", "applicant_address", "applicant_phone", "applicant_email",
            "applicant_representative");
    static final List<String> PAGE_COLUMNS = List.of("ocr_text", "ocr_words");

    private ColumnSealing() {
    }

    /** Finishes what is left; without a cipher ({@link PersonalColumns#PLAIN}) only the tokens and indexes. */
    static void finish(Database db) {
        int state = db.read(c -> Rows.first(c, "SELECT columns_state FROM data_protection WHERE id = 1",
                rs -> rs.getInt(1)).orElse(2));
        if (state >= 2) {
            return;
        }
        PersonalColumns columns = db.columns();
        if (state == 0) {
            long started = System.nanoTime();
            int dossiers = dossiers(db, columns);
            int pages = columns.sealing() ? pages(db, columns) : 0;
            LOG.debug("columns: {} dossiers, {} pages sealed in {} ms", dossiers, pages, since(started));
            db.inTransaction(c -> {
                DossierIndex.backfill(c, columns);
                return null;
            });
            LOG.debug("names index rebuilt at {} ms", since(started));
            int indexed = pageTexts(db, columns);
            LOG.debug("page texts indexed at {} ms", since(started));
            if (!columns.sealing()) {
                return;   // a store on its own: a counter with the key seals the rows later
            }
            db.inTransaction(c -> Rows.update(c, "UPDATE data_protection SET columns_state = 1 WHERE id = 1"));
            if (dossiers + pages + indexed > 0) {
                LOG.info("sealed {} dossiers and {} pages, indexed {} page texts with keyed tokens", dossiers, pages,
                        indexed);
            }
        }
        // the plain values are gone from the tables; now from the WAL and the file's free pages
        checkpointAndVacuum(db);
        db.inTransaction(c -> Rows.update(c, "UPDATE data_protection SET columns_state = 2 WHERE id = 1"));
    }

    /** Rewrites the file without its free pages and empties the WAL, so no replaced plain value is left in either. */
    static void checkpointAndVacuum(Database db) {
        db.read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                st.execute("VACUUM");
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
    }

    /** Dossier rows: personal columns sealed and the ID token set, a batch per transaction. */
    private static int dossiers(Database db, PersonalColumns columns) {
        String todo = columns.sealing()
                ? "(applicant_id_token IS NULL OR substr(applicant_name, 1, 2) <> '~1')"
                : "applicant_id_token IS NULL";
        String select = "SELECT id, " + String.join(", ", DOSSIER_COLUMNS) + " FROM dossiers WHERE " + todo
                + " AND id > ? ORDER BY id LIMIT " + BATCH;
        // sealing also drops the row's name tokens: made again from the opened names by DossierIndex.backfill
        String update = "UPDATE dossiers SET " + String.join(" = ?, ", DOSSIER_COLUMNS)
                + " = ?, applicant_id_token = ?" + (columns.sealing() ? ", applicant_name_folded = NULL" : "")
                + " WHERE id = ?";
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            long[] batch = db.inTransaction(c -> {
                List<Object[]> rows = rows(c, select, DOSSIER_COLUMNS.size(), from);
                try (PreparedStatement st = c.prepareStatement(update)) {
                    for (Object[] row : rows) {
                        int i = 1;
                        for (int k = 0; k < DOSSIER_COLUMNS.size(); k++) {
                            st.setString(i++, sealed(columns, DOSSIER_COLUMNS.get(k), (String) row[k + 1]));
                        }
                        st.setString(i++, columns.idToken(columns.open("applicant_id_number", (String) row[2])));
                        st.setLong(i, (Long) row[0]);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                return new long[] {rows.size(), rows.isEmpty() ? 0 : (Long) rows.getLast()[0]};
            });
            if (batch[0] == 0) {
                return done;
            }
            done += (int) batch[0];
            after = batch[1];
        }
    }

    /** Page rows: the OCR text and word boxes sealed. */
    private static int pages(Database db, PersonalColumns columns) {
        String select = "SELECT id, ocr_text, ocr_words, content_id FROM pages WHERE ((ocr_text IS NOT NULL AND "
                + "substr(ocr_text, 1, 2) <> '~1') OR (ocr_words IS NOT NULL AND substr(ocr_words, 1, 2) <> '~1'))"
                + " AND id > ? ORDER BY id LIMIT " + BATCH;
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            long[] batch = db.inTransaction(c -> {
                List<Object[]> rows = rows(c, select, 3, from);
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE pages SET ocr_text = ?, ocr_words = ? WHERE id = ?");
                     PreparedStatement words = c.prepareStatement(
                             "DELETE FROM page_text WHERE rowid IN (SELECT id FROM page_texts WHERE content_id = ?)");
                     PreparedStatement indexed = c.prepareStatement("DELETE FROM page_texts WHERE content_id = ?")) {
                    for (Object[] row : rows) {
                        st.setString(1, sealed(columns, "ocr_text", (String) row[1]));
                        st.setString(2, sealed(columns, "ocr_words", (String) row[2]));
                        st.setLong(3, (Long) row[0]);
                        st.addBatch();
                        // an entry indexed with plain words goes; pageTexts indexes the page again with tokens
                        words.setString(1, (String) row[3]);
                        words.executeUpdate();
                        indexed.setString(1, (String) row[3]);
                        indexed.executeUpdate();
                    }
                    st.executeBatch();
                }
                return new long[] {rows.size(), rows.isEmpty() ? 0 : (Long) rows.getLast()[0]};
            });
            if (batch[0] == 0) {
                return done;
            }
            done += (int) batch[0];
            after = batch[1];
        }
    }

    /** Pages OCR'd before V13 emptied the page-text index: indexed again from their (sealed) text, as tokens. */
    private static int pageTexts(Database db, PersonalColumns columns) {
        String select = """
                SELECT id, content_id, ocr_text FROM pages p
                WHERE ocr_text IS NOT NULL AND id > ?
                  AND NOT EXISTS (SELECT 1 FROM page_texts t WHERE t.content_id = p.content_id)
                ORDER BY id LIMIT %d""".formatted(BATCH);
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            String now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
            long[] batch = db.inTransaction(c -> {
                Map<String, String> texts = new LinkedHashMap<>();
                long last = from;
                try (PreparedStatement st = c.prepareStatement(select)) {
                    st.setLong(1, from);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            texts.putIfAbsent(rs.getString(2), columns.open("ocr_text", rs.getString(3)));
                        }
                    }
                }
                SqliteDossierQueries.indexPageTexts(c, columns, texts, now);
                return new long[] {texts.size(), last};
            });
            if (batch[1] == from) {
                return done;
            }
            done += (int) batch[0];
            after = batch[1];
        }
    }

    private static long since(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String sealed(PersonalColumns columns, String column, String value) {
        return value == null || value.startsWith("~1") ? value : columns.seal(column, value);
    }

    private static List<Object[]> rows(Connection c, String sql, int columns, long after) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, after);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns + 1];
                    row[0] = rs.getLong(1);
                    for (int i = 1; i <= columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
