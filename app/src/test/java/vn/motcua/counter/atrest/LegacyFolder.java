package vn.motcua.counter.atrest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;
import vn.motcua.counter.adapters.files.FileContentStore;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DiacriticFolding;

/**
 * A data folder as the counter kept it before decision 1201 (schema V11): names, ID numbers, addresses and OCR text
 * in plain columns, folded names and page words in the FTS5 indexes, plain files in the content store. Built with
 * SQL, as the earlier release wrote it.
 */
final class LegacyFolder {

    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ"};
    static final String[] GIVEN = {"Văn An", "Thị Hồng Nhung", "Minh Đức", "Thị Lan", "Quốc Bảo", "Thu Hà"};

    /** One dossier as written, to compare with what the counter reads after the migration. */
    record Row(String code, String name, String idNumber, String address, String pageWord, String contentId) {
    }

    private LegacyFolder() {
    }

    static List<Row> write(Path data, int dossiers) throws Exception {
        Files.createDirectories(data);
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("11").load().migrate();
        FileContentStore files = new FileContentStore(data.resolve(CounterWiring.CONTENT_FOLDER));   // no cipher
        List<Row> rows = new ArrayList<>();
        try (Connection db = source.getConnection()) {
            db.setAutoCommit(false);
            for (int i = 1; i <= dossiers; i++) {
                String name = FAMILY[i % FAMILY.length] + " " + GIVEN[i % GIVEN.length];
                String id = "0011900%05d".formatted(i);
                String address = "Số " + i + " phố Hàng Bài, Hoàn Kiếm, Hà Nội";
                String word = "ma" + letters(i);
                String text = "GIẤY KHAI SINH\nHọ và tên: " + name + "\nSố định danh: " + id + "\n" + word;
                String contentId = files.put(("Trang quét của " + name + " " + id).getBytes(StandardCharsets.UTF_8));
                String code = "000.00.00.H26-251103-%04d".formatted(i);
                long dossierId;
                try (PreparedStatement st = db.prepareStatement("""
                        INSERT INTO dossiers (code, agency_code, procedure_code, procedure_name, processing_days,
                            applicant_name, applicant_id_number, applicant_address, applicant_phone, status,
                            received_at, appointment_at, received_by, receipt_content_id, applicant_name_folded)
                        VALUES (?, '000.00.00.H26', '1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 3,
                            ?, ?, ?, '0912345678', 2, '2025-11-03T09:00', '2025-11-06T09:00', 'Trần Văn Bình', ?, ?)
                        RETURNING id""")) {
                    st.setString(1, code);
                    st.setString(2, name);
                    st.setString(3, id);
                    st.setString(4, address);
                    st.setString(5, contentId);
                    st.setString(6, DiacriticFolding.fold(name));
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        dossierId = rs.getLong(1);
                    }
                }
                try (PreparedStatement st = db.prepareStatement(
                        "INSERT INTO dossier_names (rowid, applicant_name_folded) VALUES (?, ?)")) {
                    st.setLong(1, dossierId);
                    st.setString(2, DiacriticFolding.fold(name));
                    st.executeUpdate();
                }
                long componentId;
                try (PreparedStatement st = db.prepareStatement(
                        "INSERT INTO components (dossier_id, position, name) VALUES (?, 1, 'Tờ khai') RETURNING id")) {
                    st.setLong(1, dossierId);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        componentId = rs.getLong(1);
                    }
                }
                try (PreparedStatement st = db.prepareStatement("""
                        INSERT INTO pages (component_id, position, content_id, media_type, byte_size, source,
                            ocr_text, ocr_words, ocr_at)
                        VALUES (?, 1, ?, 'image/png', 100, 'SCANNED', ?, ?, '2025-11-03T09:05')""")) {
                    st.setLong(1, componentId);
                    st.setString(2, contentId);
                    st.setString(3, text);
                    st.setString(4, "[{\"w\":\"" + name + "\",\"x\":10}]");
                    st.executeUpdate();
                }
                long textId;
                try (PreparedStatement st = db.prepareStatement(
                        "INSERT INTO page_texts (content_id, indexed_at) VALUES (?, '2025-11-03T09:05') RETURNING id")) {
                    st.setString(1, contentId);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        textId = rs.getLong(1);
                    }
                }
                try (PreparedStatement st = db.prepareStatement("INSERT INTO page_text (rowid, text) VALUES (?, ?)")) {
                    st.setLong(1, textId);
                    st.setString(2, DiacriticFolding.fold(text));
                    st.executeUpdate();
                }
                rows.add(new Row(code, name, id, address, word, contentId));
            }
            db.commit();
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        return rows;
    }

    /** A word of letters only for {@code i} (1 → "b"), unique per dossier, for the page-text search. */
    private static String letters(int i) {
        StringBuilder out = new StringBuilder();
        for (int n = i; n > 0; n /= 26) {
            out.append((char) ('a' + n % 26));
        }
        return out.toString();
    }
}
