package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.PageText;
import vn.motcua.counter.domain.DossierCode;

/** V4's OCR columns on {@code pages} and the {@code electronic_copies} table. */
public final class SqliteCaptureStore implements CaptureStore {

    /** A component with pages, none pending, and no copy row. */
    private static final String AWAITING_COPY = """
            NOT EXISTS (SELECT 1 FROM electronic_copies e WHERE e.component_id = c.id)
            AND EXISTS (SELECT 1 FROM pages p WHERE p.component_id = c.id)
            AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.component_id = c.id AND p.ocr_state = 'PENDING')""";

    private final Database db;

    public SqliteCaptureStore(Database db) {
        this.db = db;
    }

    @Override
    public List<PendingPage> pendingPages() {
        return db.read(c -> Rows.list(c, """
                SELECT p.id, p.component_id, p.content_id FROM pages p INDEXED BY pages_ocr_pending
                WHERE p.ocr_state = 'PENDING' ORDER BY p.component_id, p.position""",
                rs -> new PendingPage(rs.getLong(1), rs.getLong(2), rs.getString(3))));
    }

    @Override
    public void saveText(long pageId, PageText text, String copyImageId, int copyImageDpi, LocalDateTime at) {
        db.inTransaction(c -> {
            String contentId;
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE pages SET ocr_state = 'DONE', page_kind = ?, ocr_language = ?, ocr_mean_confidence = ?,
                        ocr_text = ?, ocr_words = ?, ocr_error = NULL, ocr_at = ?, copy_image_content_id = ?,
                        copy_image_dpi = ?
                    WHERE id = ? RETURNING content_id""")) {
                st.setString(1, text.kind());
                st.setString(2, text.language());
                st.setDouble(3, text.meanConfidence());
                st.setString(4, text.text());
                st.setString(5, text.wordBoxes());
                st.setString(6, at.toString());
                st.setString(7, copyImageId);
                st.setInt(8, copyImageDpi);
                st.setLong(9, pageId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return null; // the page is gone: nothing to index
                    }
                    contentId = rs.getString(1);
                }
            }
            SqliteDossierQueries.indexPageTexts(c, Map.of(contentId, text.text()), at.toString());
            return null;
        });
    }

    @Override
    public void saveFailure(long pageId, String reason, LocalDateTime at) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE pages SET ocr_state = 'FAILED', ocr_error = ?, ocr_at = ? WHERE id = ?")) {
                st.setString(1, reason);
                st.setString(2, at.toString());
                st.setLong(3, pageId);
                st.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Long> componentsAwaitingCopy() {
        return db.read(c -> Rows.list(c, "SELECT c.id FROM components c WHERE " + AWAITING_COPY + " ORDER BY c.id",
                rs -> rs.getLong(1)));
    }

    @Override
    public Optional<ComponentPages> readyForCopy(long componentId) {
        return db.read(c -> {
            String name;
            String code;
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT c.name, d.code FROM components c JOIN dossiers d ON d.id = c.dossier_id
                    WHERE c.id = ? AND\s""" + AWAITING_COPY)) {
                st.setLong(1, componentId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    name = rs.getString(1);
                    code = rs.getString(2);
                }
            }
            return Optional.of(new ComponentPages(componentId, name, code, storedPages(c, componentId)));
        });
    }

    private static List<StoredPage> storedPages(Connection c, long componentId) throws SQLException {
        return Rows.list(c, """
                SELECT content_id, ocr_state, ocr_text, page_kind, ocr_language, ocr_mean_confidence, ocr_words,
                       copy_image_content_id, copy_image_dpi
                FROM pages WHERE component_id = ? ORDER BY position""",
                rs -> new StoredPage(rs.getString(1), "DONE".equals(rs.getString(2)) ? new PageText(rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getFloat(6), rs.getString(7)) : null,
                        rs.getString(8), rs.getInt(9)), componentId);
    }

    @Override
    public void saveCopy(long componentId, String contentId, long byteSize, int pageCount, int pagesFailed,
                         LocalDateTime madeAt) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO electronic_copies (component_id, content_id, byte_size, page_count, pages_failed, made_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (component_id) DO NOTHING""")) {
                st.setLong(1, componentId);
                st.setString(2, contentId);
                st.setLong(3, byteSize);
                st.setInt(4, pageCount);
                st.setInt(5, pagesFailed);
                st.setString(6, madeAt.toString());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM copy_failures WHERE component_id = ?")) {
                st.setLong(1, componentId);
                st.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void saveCopyFailure(long componentId, String reason, LocalDateTime at) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO copy_failures (component_id, reason, failed_at) VALUES (?, ?, ?)
                    ON CONFLICT (component_id) DO UPDATE SET reason = excluded.reason, failed_at = excluded.failed_at""")) {
                st.setLong(1, componentId);
                st.setString(2, reason);
                st.setString(3, at.toString());
                st.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void clearCopyFailures() {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM copy_failures")) {
                st.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ElectronicCopy> copies(DossierCode code) {
        return db.read(c -> Rows.list(c, """
                SELECT c.position, c.name, e.content_id, e.made_at FROM dossiers d
                JOIN components c ON c.dossier_id = d.id JOIN electronic_copies e ON e.component_id = c.id
                WHERE d.code = ? ORDER BY c.position""",
                rs -> new ElectronicCopy(rs.getInt(1), rs.getString(2), rs.getString(3),
                        LocalDateTime.parse(rs.getString(4))), code.value()));
    }

    @Override
    public List<ComponentCopyState> copyStates(DossierCode code) {
        return db.read(c -> Rows.list(c, """
                SELECT c.position, c.name, count(p.id), count(p.id) FILTER (WHERE p.ocr_state <> 'PENDING'),
                       EXISTS (SELECT 1 FROM electronic_copies e WHERE e.component_id = c.id),
                       EXISTS (SELECT 1 FROM copy_failures f WHERE f.component_id = c.id)
                FROM dossiers d JOIN components c ON c.dossier_id = d.id JOIN pages p ON p.component_id = c.id
                WHERE d.code = ? GROUP BY c.id ORDER BY c.position""",
                rs -> new ComponentCopyState(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getBoolean(6)), code.value()));
    }

    @Override
    public CaptureCounts counts() {
        return db.read(SqliteCaptureStore::counts);
    }

    /** Also used by {@code motcua doctor} on a read-only connection. */
    public static CaptureCounts counts(Connection c) throws SQLException {
        return Rows.first(c, """
                SELECT (SELECT count(*) FROM pages WHERE ocr_state = 'PENDING'),
                       (SELECT count(*) FROM pages WHERE ocr_state = 'DONE'),
                       (SELECT count(*) FROM pages WHERE ocr_state = 'FAILED'),
                       (SELECT count(*) FROM components c
                        WHERE EXISTS (SELECT 1 FROM pages p WHERE p.component_id = c.id)
                          AND NOT EXISTS (SELECT 1 FROM electronic_copies e WHERE e.component_id = c.id)
                          AND NOT EXISTS (SELECT 1 FROM copy_failures f WHERE f.component_id = c.id)),
                       (SELECT count(*) FROM copy_failures f
                        WHERE NOT EXISTS (SELECT 1 FROM electronic_copies e WHERE e.component_id = f.component_id))""",
                rs -> new CaptureCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .orElseThrow();
    }
}
