package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.motcua.counter.application.port.RetentionStore;

/**
 * Retention's rows (docs/decisions/1303-retention.md). Removable: status 10 (returned) before the cut-off, the hub's
 * accepted revision the latest offered (V11 {@code sync_revisions}) and its sending item done (the runner sends only
 * after the earlier stages it runs; stages nothing runs here, such as signing without a key, wait for ever and do not
 * hold the dossier back). Removal deletes every row that hangs off the dossier, the page-text index of pages no
 * other dossier shares, and its entry in the names index; tables added later that name a {@code dossier_id} or
 * {@code component_id} are emptied of the dossier too (found in the schema), so a foreign key never keeps a dossier
 * half-removed.
 */
public final class SqliteRetention implements RetentionStore {

    private static final int RETURNED = 10;
    /** Deleted in this order (children first); anything else naming the dossier is found in the schema. */
    private static final List<String> BY_COMPONENT = List.of("electronic_copies", "pages");
    private static final List<String> BY_DOSSIER = List.of("stage_work", "sync_revisions", "dossier_events",
            "handovers", "issued_forms", "result_documents");

    private final Database db;

    public SqliteRetention(Database db) {
        this.db = db;
    }

    @Override
    public List<Candidate> removable(LocalDateTime returnedBefore, int limit) {
        return db.read(c -> Rows.list(c, """
                SELECT d.code, d.returned_at, s.sent_revision FROM dossiers d
                JOIN sync_revisions s ON s.dossier_id = d.id
                WHERE d.status = ? AND d.returned_at IS NOT NULL AND d.returned_at < ?
                  AND s.sent_revision IS NOT NULL AND s.sent_revision = s.revision
                  AND NOT EXISTS (SELECT 1 FROM stage_work w WHERE w.dossier_id = d.id
                                  AND w.stage = 'SEND_DOSSIER' AND w.state <> 'DONE')
                ORDER BY d.returned_at, d.id LIMIT ?""",
                rs -> new Candidate(rs.getString(1), LocalDateTime.parse(rs.getString(2)), rs.getInt(3)),
                RETURNED, returnedBefore.toString(), limit));
    }

    @Override
    public Set<String> remove(String dossierCode) {
        return db.inTransaction(c -> {
            var row = Rows.first(c, "SELECT id, applicant_name_folded, receipt_content_id FROM dossiers WHERE code = ?",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, dossierCode);
            if (row.isEmpty()) {
                return Set.of();
            }
            long id = (Long) row.get()[0];
            String folded = (String) row.get()[1];
            Set<String> ids = new HashSet<>();
            ids.add((String) row.get()[2]);
            ids.addAll(Rows.list(c, """
                    SELECT p.content_id FROM pages p JOIN components k ON k.id = p.component_id WHERE k.dossier_id = ?
                    UNION SELECT p.copy_image_content_id FROM pages p JOIN components k ON k.id = p.component_id
                          WHERE k.dossier_id = ? AND p.copy_image_content_id IS NOT NULL
                    UNION SELECT e.content_id FROM electronic_copies e JOIN components k ON k.id = e.component_id
                          WHERE k.dossier_id = ?
                    UNION SELECT content_id FROM issued_forms WHERE dossier_id = ?
                    UNION SELECT content_id FROM result_documents WHERE dossier_id = ?""",
                    rs -> rs.getString(1), id, id, id, id, id));
            removePageTexts(c, id);
            for (String table : BY_COMPONENT) {
                Rows.update(c, "DELETE FROM " + table
                        + " WHERE component_id IN (SELECT id FROM components WHERE dossier_id = ?)", id);
            }
            for (String table : BY_DOSSIER) {
                Rows.update(c, "DELETE FROM " + table + " WHERE dossier_id = ?", id);
            }
            for (List<String> other : columnsNaming(c)) {   // tables added after V15 by other work
                String where = other.get(1).equals("dossier_id") ? " WHERE dossier_id = ?"
                        : " WHERE component_id IN (SELECT id FROM components WHERE dossier_id = ?)";
                Rows.update(c, "DELETE FROM \"" + other.get(0) + "\"" + where, id);
            }
            Rows.update(c, "DELETE FROM components WHERE dossier_id = ?", id);
            // the hub's changes stay by seq (a change handed over again is still recognised), without their text
            Rows.update(c, "UPDATE hub_changes SET reason = NULL WHERE dossier_code = ?", dossierCode);
            if (folded != null) {   // an external-content entry is deleted with the text it was indexed with
                Rows.update(c, "INSERT INTO dossier_names (dossier_names, rowid, applicant_name_folded) "
                        + "VALUES ('delete', ?, ?)", id, folded);
            }
            Rows.update(c, "DELETE FROM dossiers WHERE id = ?", id);
            return ids;
        });
    }

    /** The page-text index of this dossier's pages that no page of another dossier shows. */
    private static void removePageTexts(Connection c, long id) throws SQLException {
        List<Long> texts = Rows.list(c, """
                SELECT t.id FROM page_texts t WHERE t.content_id IN (
                    SELECT p.content_id FROM pages p JOIN components k ON k.id = p.component_id WHERE k.dossier_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM pages p JOIN components k ON k.id = p.component_id
                                  WHERE p.content_id = t.content_id AND k.dossier_id <> ?)""",
                rs -> rs.getLong(1), id, id);
        for (long text : texts) {
            Rows.update(c, "DELETE FROM page_text WHERE rowid = ?", text);
            Rows.update(c, "DELETE FROM page_texts WHERE id = ?", text);
        }
    }

    /** Ordinary tables other than the known ones with a {@code dossier_id} or {@code component_id} column. */
    private static List<List<String>> columnsNaming(Connection c) throws SQLException {
        Set<String> known = new HashSet<>(BY_COMPONENT);
        known.addAll(BY_DOSSIER);
        known.add("components");
        return Rows.list(c, """
                SELECT t.name, col.name FROM sqlite_schema t JOIN pragma_table_info(t.name) col
                WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.sql NOT LIKE 'CREATE VIRTUAL%'
                  AND col.name IN ('dossier_id', 'component_id')
                ORDER BY CASE col.name WHEN 'component_id' THEN 0 ELSE 1 END""",
                rs -> List.of(rs.getString(1), rs.getString(2))).stream()
                .filter(t -> !known.contains(t.get(0))).toList();
    }
}
