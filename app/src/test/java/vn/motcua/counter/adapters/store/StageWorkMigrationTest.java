package vn.motcua.counter.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.capture.ElectronicCopies;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.ElectronicCopy;

/**
 * V10 moves the pipeline's state out of {@code pages.ocr_state}, {@code ocr_error} and {@code copy_failures} into the
 * stage table. A database made by the released schema (V9) with pages and copies in every state must come out with
 * each of them where it stood: nothing read twice, nothing forgotten.
 */
class StageWorkMigrationTest {

    private static final String CODE = "000.00.00.H26-261120-0001";

    @TempDir
    Path data;

    @Test
    void everyPageAndCopyKeepsItsStateAndReason() throws Exception {
        try (Connection c = migratedTo("9"); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO dossiers (id, code, agency_code, procedure_code, procedure_name, processing_days,
                        applicant_name, applicant_id_number, status, received_at, appointment_at, received_by,
                        receipt_content_id, applicant_name_folded)
                    VALUES (1, '%s', '000.00.00.H26', '1.004873', 'Cấp bản sao trích lục', 3, 'Lý Thị Ánh',
                        '001185000123', 2, '2026-11-20T08:00:00', '2026-11-25T08:00:00', 'clerk', 'receipt',
                        'ly thi anh')""".formatted(CODE));
            for (int component = 1; component <= 5; component++) {
                st.executeUpdate(("INSERT INTO components (id, dossier_id, position, name) VALUES (%d, 1, %d, "
                        + "'Thành phần %d')").formatted(component, component, component));
            }
            // 1: both pages still waiting for OCR
            page(st, 11, 1, 1, "PENDING", null);
            page(st, 12, 1, 2, "PENDING", null);
            // 2: both read, and the copy made
            page(st, 21, 2, 1, "DONE", null);
            page(st, 22, 2, 2, "DONE", null);
            st.executeUpdate("""
                    INSERT INTO electronic_copies (component_id, content_id, byte_size, page_count, pages_failed, made_at)
                    VALUES (2, '%s', 31000, 2, 0, '2026-11-20T08:05:00')""".formatted("c".repeat(64)));
            // 3: one page read, one unreadable, and the copy failed (a page file was lost)
            page(st, 31, 3, 1, "DONE", null);
            page(st, 32, 3, 2, "FAILED", "OcrException: image too small");
            st.executeUpdate("""
                    INSERT INTO copy_failures (component_id, reason, failed_at)
                    VALUES (3, 'CounterException: store.content_missing', '2026-11-20T08:06:00')""");
            // 4: every page read, the copy not written yet (the process stopped in between)
            page(st, 41, 4, 1, "DONE", null);
            // 5: no page (a component the applicant did not hand in)
        }

        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) { // migrates to the newest
            // the technical detail is sealed since V19 (decision 1201): read as the counter opens it
            List<List<String>> items = SqlRows.rows(counter.database().connection(), """
                    SELECT stage, subject_id, component_id, dossier_id, state, attempts, error_key, error_detail
                    FROM stage_work ORDER BY stage DESC, subject_id""", null).stream().map(row -> {
                        List<String> opened = new java.util.ArrayList<>(row);
                        assertThat(row.get(7)).matches(detail -> detail.isEmpty() || detail.startsWith("~1"));
                        opened.set(7, TestCounter.opened(data, "stage_work.error_detail", row.get(7)));
                        return opened;
                    }).toList();
            assertThat(items).containsExactly(
                    List.of("PAGE_TEXT", "11", "1", "1", "WAITING", "0", "", ""),
                    List.of("PAGE_TEXT", "12", "1", "1", "WAITING", "0", "", ""),
                    List.of("PAGE_TEXT", "21", "2", "1", "DONE", "1", "", ""),
                    List.of("PAGE_TEXT", "22", "2", "1", "DONE", "1", "", ""),
                    List.of("PAGE_TEXT", "31", "3", "1", "DONE", "1", "", ""),
                    List.of("PAGE_TEXT", "32", "3", "1", "FAILED", "1", "stage.page_text.failed",
                            "OcrException: image too small"),
                    List.of("PAGE_TEXT", "41", "4", "1", "DONE", "1", "", ""),
                    List.of("ELECTRONIC_COPY", "1", "1", "1", "WAITING", "0", "", ""),
                    List.of("ELECTRONIC_COPY", "2", "2", "1", "DONE", "1", "", ""),
                    List.of("ELECTRONIC_COPY", "3", "3", "1", "FAILED", "1", "stage.ELECTRONIC_COPY.unexpected",
                            "CounterException: store.content_missing"),
                    List.of("ELECTRONIC_COPY", "4", "4", "1", "WAITING", "0", "", ""));

            // the dossier screen and `dossier show` read the same states
            List<ElectronicCopies.CopyWork> copies = counter.copies().of(DossierCode.parse(CODE));
            assertThat(copies).extracting(w -> w.copy().state()).containsExactly(
                    ElectronicCopy.State.READING_PAGES, ElectronicCopy.State.MADE, ElectronicCopy.State.FAILED,
                    ElectronicCopy.State.BEING_MADE);
            assertThat(copies.get(1).copy().pdfContentId()).isEqualTo("c".repeat(64));
            assertThat(copies.get(2).needingAttention()).hasSize(2); // the copy and its unreadable page

            // the old state columns and table are gone; the results stayed
            assertThat(SqlRows.rows(counter.database().connection(),
                    "SELECT name FROM pragma_table_info('pages') WHERE name IN ('ocr_state', 'ocr_error', 'ocr_at')", null))
                    .containsExactly(List.of("ocr_at"));
            assertThat(SqlRows.rows(counter.database().connection(),
                    "SELECT count(*) FROM sqlite_master WHERE name = 'copy_failures'", null)).containsExactly(List.of("0"));
            assertThat(SqlRows.rows(counter.database().connection(), "PRAGMA integrity_check", null))
                    .containsExactly(List.of("ok"));

            // the copy whose pages were all read is the next one the runner takes; the one waiting for pages is not
            assertThat(counter.stages().claim(vn.motcua.counter.application.stage.Stage.ELECTRONIC_COPY,
                    java.time.Instant.now())).hasValueSatisfying(item -> assertThat(item.subjectId()).isEqualTo(4));
            assertThat(counter.stages().claim(vn.motcua.counter.application.stage.Stage.ELECTRONIC_COPY,
                    java.time.Instant.now())).isEmpty();
        }
    }

    private static void page(Statement st, int id, int component, int position, String state, String error)
            throws Exception {
        String content = Integer.toHexString(id).repeat(64).substring(0, 64);
        boolean read = "DONE".equals(state);
        st.executeUpdate("""
                INSERT INTO pages (id, component_id, position, content_id, media_type, byte_size, source, ocr_state,
                    ocr_text, ocr_error, ocr_at)
                VALUES (%d, %d, %d, '%s', 'image/png', 1000, 'SCANNED', '%s', %s, %s, %s)""".formatted(id, component,
                position, content, state, read ? "'Giấy khai sinh'" : "NULL",
                error == null ? "NULL" : "'" + error + "'", "PENDING".equals(state) ? "NULL" : "'2026-11-20T08:01:00'"));
    }

    private Connection migratedTo(String version) throws Exception {
        Flyway.configure().dataSource(url(), null, null).locations("classpath:db/migration").target(version).load()
                .migrate();
        return DriverManager.getConnection(url());
    }

    private String url() {
        return "jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE);
    }
}
