package vn.motcua.counter.atrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.launch.ChildCounter;
import vn.motcua.counter.launch.HoldCounter;

/**
 * The in-place sealing of free text ({@code FreeTextSealing}: V17's notes and reasons, V19's stage errors), which
 * {@link ColumnSealingCrashTest} does not reach mid-way (its older folder has no free text). Plain event details and
 * reasons and plain stage errors, as a version before V17/V19 left them, are sealed by the real launcher in a child JVM
 * that is SIGKILLed at random moments of that pass (one row per transaction makes it last), a bounded number of times
 * ({@code crash.kills}, 3); the next start finishes it: every value reads back as written, none is plain in the
 * tables or in any file of the folder.
 */
class FreeTextSealingCrashTest {

    private static final int EVENTS = 600;
    private static final int ERRORS = 300;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aKillDuringTheFreeTextSealingLosesNothingAndTheNextStartFinishesIt() throws Exception {
        Path data = dir.resolve("data");
        MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
        DossierCode code;
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
        }
        Map<Long, String> details = new LinkedHashMap<>();
        Map<Long, String> errors = new LinkedHashMap<>();
        writePlainFreeText(data, details, errors);

        ChildCounter child = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp"))
                .option("-Dmotcua.sealing.batch=1");
        Random random = new Random();
        int kills = Integer.getInteger("crash.kills", 3);
        int midway = 0;
        for (int run = 1; run <= kills; run++) {
            Path outputs = dir.resolve("run" + run);
            int before = sealed(data);
            Process process = child.start(HoldCounter.class, outputs);
            // spread over the pass (the last kills among the stage errors, which come after the events)
            awaitSealing(process, data, Math.max(before + 1, run * (EVENTS + ERRORS) / (kills + 1)));
            Thread.sleep(random.nextInt(50));
            boolean ready = Files.exists(outputs.resolve("out.txt"))
                    && Files.readString(outputs.resolve("out.txt")).contains("ready");
            process.destroyForcibly();   // SIGKILL: no finally block, no shutdown hook
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int state = state(data);
            int done = sealed(data);
            System.out.printf("free-text kill %d: %s, free_text_state %d, %d of %d rows sealed (%d stage errors)%n",
                    run, ready ? "after it finished" : "during start-up", state, done, EVENTS + ERRORS,
                    Math.max(0, done - EVENTS));
            if (!ready && state < 2 && done > before) {
                midway++;
            }
        }

        try (CounterWiring counter = TestCounter.open(data, clock)) {
            List<String> history = counter.dossiers().history(code).stream().map(DossierEvent::detail).toList();
            assertThat(history).containsAll(details.values());
            List<WorkItem> items = counter.stages().itemsOf(code);
            assertThat(items).filteredOn(i -> i.error() != null).extracting(i -> i.error().detail())
                    .containsAll(errors.values());
            assertThat(items).filteredOn(i -> i.error() != null && errors.containsValue(i.error().detail()))
                    .allSatisfy(i -> assertThat(i.error().arguments()).containsExactly("bản chụp số " + i.subjectId()));
        }
        assertThat(state(data)).isEqualTo(2);
        try (Connection db = SqlRows.open(data)) {
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM dossier_events WHERE substr(detail, 1, 2) <> '~1' "
                    + "OR (reason IS NOT NULL AND substr(reason, 1, 2) <> '~1')", null)).containsExactly(List.of("0"));
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM stage_work WHERE error_key IS NOT NULL AND ("
                    + "substr(error_detail, 1, 2) <> '~1' OR substr(error_args, 1, 2) <> '~1')", null))
                    .containsExactly(List.of("0"));
            // each reason still belongs to its own event (a row sealed twice or mixed up would not open or differ)
            for (List<String> row : SqlRows.rows(db, "SELECT id, reason FROM dossier_events WHERE kind = 'NOTE'",
                    null)) {
                assertThat(TestCounter.opened(data, "dossier_events.reason", row.get(1)))
                        .isEqualTo(reason(Long.parseLong(row.get(0))));
            }
        }
        for (String plain : List.of("Trương Định", "Hồ Xuân Hương", "Lý Thường Kiệt")) {
            assertThat(DataFolderBytes.filesHolding(data, plain.getBytes(StandardCharsets.UTF_8))).as(plain).isEmpty();
        }
        System.out.printf("free-text sealing: %d kills, %d during the sealing%n", kills, midway);
        assertThat(midway).as("at least one kill landed in the sealing").isPositive();
    }

    /** What a version before V17 and V19 left: plain event notes and reasons, plain stage errors; not yet sealed. */
    private static void writePlainFreeText(Path data, Map<Long, String> details, Map<Long, String> errors)
            throws Exception {
        try (Connection db = SqlRows.open(data)) {
            db.setAutoCommit(false);
            long dossier = Long.parseLong(SqlRows.rows(db, "SELECT id FROM dossiers", null).getFirst().getFirst());
            long first = Long.parseLong(SqlRows.rows(db, "SELECT coalesce(max(id), 0) + 1 FROM dossier_events", null)
                    .getFirst().getFirst());
            try (PreparedStatement st = db.prepareStatement("""
                    INSERT INTO dossier_events (id, dossier_id, at, actor, kind, detail, reason)
                    VALUES (?, ?, '2026-11-23T09:31', 'Trần Văn Bình', 'NOTE', ?, ?)""")) {
                for (long id = first; id < first + EVENTS; id++) {
                    String detail = "status=2->2 | Ghi chú " + id + ": anh Trương Định gọi điện hẹn nộp sau";
                    st.setLong(1, id);
                    st.setLong(2, dossier);
                    st.setString(3, detail);
                    st.setString(4, reason(id));   // names its own row: a reason sealed into another row would show
                    st.executeUpdate();
                    details.put(id, detail);
                }
            }
            try (PreparedStatement st = db.prepareStatement("""
                    INSERT INTO stage_work (stage, subject_id, dossier_id, state, attempts, error_key, error_args,
                        error_detail, created_at, updated_at)
                    VALUES ('PAGE_TEXT', ?, ?, 'FAILED', 1, 'stage.page_text.failed', ?, ?, '2026-11-23T09:31:00Z',
                        '2026-11-23T09:31:00Z')""")) {
                for (int i = 1; i <= ERRORS; i++) {
                    long subject = 1_000_000L + i;
                    String detail = "IOException: /home/lan/Hồ Xuân Hương " + i + ".pdf: unreadable";
                    st.setLong(1, subject);
                    st.setLong(2, dossier);
                    st.setString(3, "[\"bản chụp số " + subject + "\"]");
                    st.setString(4, detail);
                    st.executeUpdate();
                    errors.put(subject, detail);
                }
            }
            try (var st = db.createStatement()) {
                st.executeUpdate("UPDATE components SET note = 'Ông Lý Thường Kiệt nộp thay'");
                st.executeUpdate("UPDATE data_protection SET free_text_state = 0");
            }
            db.commit();
        }
    }

    private static String reason(long eventId) {
        return "Lý do của sự kiện " + eventId + " (bà Hồ Xuân Hương)";
    }

    /** Waits (bounded) until this start has sealed {@code target} rows in all, or is done. */
    private static void awaitSealing(Process process, Path data, int target) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                if (state(data) == 2 || sealed(data) >= target) {
                    return;
                }
            } catch (SQLException busy) {
                // the child holds the file for a moment: ask again
            }
            Thread.sleep(10);
        }
    }

    /** Event details and stage errors sealed so far. */
    private static int sealed(Path data) throws Exception {
        try (Connection db = SqlRows.open(data)) {
            return Integer.parseInt(SqlRows.rows(db, """
                    SELECT (SELECT count(*) FROM dossier_events WHERE kind = 'NOTE' AND substr(detail, 1, 2) = '~1')
                         + (SELECT count(*) FROM stage_work WHERE subject_id > 1000000
                            AND substr(error_detail, 1, 2) = '~1')""", null).getFirst().getFirst());
        }
    }

    private static int state(Path data) throws Exception {
        try (Connection db = SqlRows.open(data)) {
            return Integer.parseInt(SqlRows.rows(db, "SELECT free_text_state FROM data_protection", null)
                    .getFirst().getFirst());
        }
    }
}
