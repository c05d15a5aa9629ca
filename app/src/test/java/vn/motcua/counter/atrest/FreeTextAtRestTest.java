package vn.motcua.counter.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.lifecycle.SupplementItem;

/**
 * Free text the clerk types may name people (V17, decision 1201): a step's note, a supplement request's reason, a
 * result document's name, and the citizen's name on the hand-over when the result is returned. None is left in plain
 * text in any file of the data folder, the counter reads each back, and text written before V17 is sealed in place at
 * the next start.
 */
class FreeTextAtRestTest {

    private static final String NOTE = "Ông Lý Thường Kiệt gọi điện hẹn nộp sau";
    private static final String REASON = "Thiếu giấy ủy quyền của bà Hồ Xuân Hương";
    private static final String RESULT = "Giấy xác nhận cấp cho Nguyễn Thị Hồng Nhung";
    private static final String OLD_NOTE = "Ghi chú cũ: anh Trương Định mang hồ sơ hộ";

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 3, 9, 0));

    @Test
    void notesReasonsAndHandoverNamesAreSealedAndReadBack() throws Exception {
        DossierCode code;
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            counter.lifecycle().process(code, NOTE, counter.profile());
            counter.lifecycle().requestSupplement(code, List.of(new SupplementItem("Giấy ủy quyền", 1, SupplementItem.CopyKind.PHOTOCOPY)), REASON,
                    counter.profile());
            counter.lifecycle().process(code, "", counter.profile());
            counter.lifecycle().resolve(code, "", counter.profile());
            counter.lifecycle().attachResult(code, RESULT, List.of(counter.reception().storePage(
                    TestImages.png("Giấy xác nhận"), Page.PageSource.SCANNED)), counter.profile());
            counter.lifecycle().returnResult(code, 1, counter.profile());

            // the counter reads it all back
            assertThat(counter.lifecycle().history(code)).extracting(DossierEvent::detail)
                    .anyMatch(d -> d.contains(NOTE)).anyMatch(d -> d.contains(REASON))
                    .anyMatch(d -> d.startsWith(RESULT));
            var progress = counter.lifecycle().progress(code);
            assertThat(progress.handovers()).anyMatch(h -> h.receiver().equals(TestCounter.APPLICANT_NAME));
            assertThat(progress.results()).allMatch(r -> r.documentName().equals(RESULT));
            assertThat(counter.lifecycle().dossier(code).documents()).isNotEmpty();
        }
        try (Connection db = connection()) {
            assertThat(SqlRows.rows(db, "SELECT reason FROM dossier_events WHERE reason IS NOT NULL", null))
                    .isNotEmpty().allMatch(row -> row.getFirst().startsWith("~1"));
            assertThat(SqlRows.rows(db, "SELECT giver, receiver, note FROM handovers", null)).isNotEmpty()
                    .allMatch(row -> row.stream().allMatch(v -> v.startsWith("~1")));
            // the history stays append-only: a sealed value cannot be replaced
            try (Statement st = db.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE dossier_events SET detail = '~1AAAA'"))
                        .hasMessageContaining("dossier_events is append-only");
            }
        }
        assertNoFileHolds(NOTE, REASON, RESULT, TestCounter.APPLICANT_NAME);
    }

    @Test
    void freeTextWrittenBeforeV17IsSealedAtTheNextStart() throws Exception {
        DossierCode code;
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            counter.lifecycle().process(code, "", counter.profile());
        }
        // what an older version wrote: plain text, and the folder not yet through the sealing
        try (Connection db = connection(); Statement st = db.createStatement()) {
            st.executeUpdate("UPDATE handovers SET note = '" + OLD_NOTE + "'");
            st.executeUpdate("INSERT INTO dossier_events (dossier_id, at, actor, kind, detail, reason) SELECT id,"
                    + " '2026-11-03T09:30', 'Trần Văn Bình', 'NOTE', 'status=4->4 | " + REASON + "', '" + REASON
                    + "' FROM dossiers");
            st.executeUpdate("UPDATE data_protection SET free_text_state = 0");
        }
        assertThat(contains(data.resolve(CounterWiring.DATABASE_FILE), OLD_NOTE)
                || contains(data.resolve(CounterWiring.DATABASE_FILE + "-wal"), OLD_NOTE)).as("plain before").isTrue();

        try (CounterWiring counter = TestCounter.open(data, clock)) {
            assertThat(counter.lifecycle().progress(code).handovers()).extracting(h -> h.note()).contains(OLD_NOTE);
            assertThat(counter.lifecycle().history(code)).extracting(DossierEvent::detail)
                    .contains("status=4->4 | " + REASON);
        }
        try (Connection db = connection()) {
            assertThat(SqlRows.rows(db, "SELECT free_text_state FROM data_protection", null)).containsExactly(List.of("2"));
        }
        assertNoFileHolds(OLD_NOTE, REASON);
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
    }

    private void assertNoFileHolds(String... texts) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(data)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).contains(data.resolve(CounterWiring.DATABASE_FILE));
        for (Path file : files) {
            for (String text : texts) {
                assertThat(contains(file, text)).as("'%s' in %s", text, file).isFalse();
            }
        }
    }

    private static boolean contains(Path file, String text) throws Exception {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        return DataFolderBytes.indexOf(Files.readAllBytes(file), text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }
}
