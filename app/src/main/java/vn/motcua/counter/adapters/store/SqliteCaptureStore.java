package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.PageText;
import vn.motcua.counter.domain.DossierCode;

/** The OCR columns of {@code pages} (V4, V7) and the {@code electronic_copies} table. */
public final class SqliteCaptureStore implements CaptureStore {

    private final Database db;

    public SqliteCaptureStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<PageScan> page(long pageId) {
        return db.read(c -> Rows.first(c, "SELECT id, component_id, content_id FROM pages WHERE id = ?",
                rs -> new PageScan(rs.getLong(1), rs.getLong(2), rs.getString(3)), pageId));
    }

    @Override
    public void saveText(long pageId, PageText text, String copyImageId, int copyImageDpi, LocalDateTime at) {
        db.inTransaction(c -> {
            Optional<String> contentId = Rows.first(c, """
                    UPDATE pages SET page_kind = ?, ocr_language = ?, ocr_mean_confidence = ?, ocr_text = ?,
                        ocr_words = ?, ocr_at = ?, copy_image_content_id = ?, copy_image_dpi = ?
                    WHERE id = ? RETURNING content_id""", rs -> rs.getString(1), text.kind(), text.language(),
                    (double) text.meanConfidence(), db.columns().seal("ocr_text", text.text()),
                    db.columns().seal("ocr_words", text.wordBoxes()), at.toString(), copyImageId,
                    copyImageDpi, pageId);
            if (contentId.isPresent()) { // else the page is gone: nothing to index
                SqliteDossierQueries.indexPageTexts(c, db.columns(), Map.of(contentId.get(), text.text()),
                        at.toString());
            }
            return null;
        });
    }

    @Override
    public Optional<ComponentPages> componentPages(long componentId) {
        return db.read(c -> {
            record Component(int position, String name, String code) {
            }
            Optional<Component> found = Rows.first(c, """
                    SELECT c.position, c.name, d.code FROM components c JOIN dossiers d ON d.id = c.dossier_id
                    WHERE c.id = ?""", rs -> new Component(rs.getInt(1), rs.getString(2), rs.getString(3)),
                    componentId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ComponentPages(componentId, found.get().position(), found.get().name(),
                    found.get().code(), storedPages(c, db.columns(), componentId)));
        });
    }

    private static List<StoredPage> storedPages(Connection c, PersonalColumns p, long componentId)
            throws SQLException {
        return Rows.list(c, """
                SELECT id, content_id, ocr_text, page_kind, ocr_language, ocr_mean_confidence, ocr_words,
                       copy_image_content_id, copy_image_dpi
                FROM pages WHERE component_id = ? ORDER BY position""",
                rs -> new StoredPage(rs.getLong(1), rs.getString(2), rs.getString(3) == null ? null
                        : new PageText(p.open("ocr_text", rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getFloat(6), p.open("ocr_words", rs.getString(7))), rs.getString(8), rs.getInt(9)),
                componentId);
    }

    @Override
    public void saveCopy(long componentId, String contentId, long byteSize, int pageCount, int pagesWithoutText,
                         LocalDateTime madeAt) {
        db.inTransaction(c -> Rows.update(c, """
                INSERT INTO electronic_copies (component_id, content_id, byte_size, page_count, pages_failed, made_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (component_id) DO UPDATE SET content_id = excluded.content_id,
                    byte_size = excluded.byte_size, page_count = excluded.page_count,
                    pages_failed = excluded.pages_failed, made_at = excluded.made_at""",
                componentId, contentId, byteSize, pageCount, pagesWithoutText, madeAt.toString()));
    }

    @Override
    public List<ComponentCopy> componentsOf(DossierCode code) {
        return db.read(c -> Rows.list(c, """
                SELECT c.id, c.position, c.name, group_concat(p.id, ',' ORDER BY p.position),
                       group_concat(p.content_id, ',' ORDER BY p.position),
                       e.content_id, e.byte_size, e.pages_failed, e.made_at
                FROM dossiers d JOIN components c ON c.dossier_id = d.id JOIN pages p ON p.component_id = c.id
                LEFT JOIN electronic_copies e ON e.component_id = c.id
                WHERE d.code = ? GROUP BY c.id ORDER BY c.position""", rs -> new ComponentCopy(rs.getLong(1),
                rs.getInt(2), rs.getString(3),
                Arrays.stream(rs.getString(4).split(",")).map(Long::valueOf).toList(),
                List.of(rs.getString(5).split(",")),
                rs.getString(6) == null ? Optional.empty() : Optional.of(new CopyRecord(rs.getString(6),
                        rs.getLong(7), rs.getInt(8), LocalDateTime.parse(rs.getString(9))))), code.value()));
    }
}
