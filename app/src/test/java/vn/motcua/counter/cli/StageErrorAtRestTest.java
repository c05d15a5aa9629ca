package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageError;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.atrest.DataFolderBytes;
import vn.motcua.counter.domain.DossierCode;

/**
 * A failed pipeline stage's technical detail and its message's arguments can quote a file name or a citizen's data
 * (V19, decision 1201): neither is in any byte of the data folder (database and WAL, while the counter runs and after),
 * yet IT staff read the detail back where it is shown ({@code dossier show}, {@code motcua doctor}); an older folder's
 * plain details are sealed in place at the next start.
 */
class StageErrorAtRestTest {

    private static final String NAME = "Lê Thị Hoa";
    private static final String DETAIL = "IOException: /home/lan/Hồ sơ của " + NAME + " - CCCD.pdf: unreadable";
    private static final String ARGUMENT = "bản chụp của " + NAME;

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 3, 9, 0));

    @AfterEach
    void clear() {
        System.clearProperty("motcua.data.dir");
    }

    @Test
    void aFailedStagesDetailIsSealedAndReadBackForItStaff() throws Exception {
        DossierCode code;
        try (CounterWiring counter = TestCounter.open(data, clock)) {   // background OCR off: the test fails items
            code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            Instant now = clock.instant();
            WorkItem failing = counter.stages().claim(Stage.PAGE_TEXT, now, null).orElseThrow();
            counter.stages().markFailed(failing.id(), new StageError("stage.page_text.failed", List.of(), DETAIL), now);
            WorkItem retried = counter.stages().claim(Stage.PAGE_TEXT, now, null).orElseThrow();
            counter.stages().retryLater(retried.id(),
                    new StageError("stage.page_text.failed", List.of(ARGUMENT), DETAIL), now.plusSeconds(600), now);

            assertThat(counter.stages().itemsOf(code)).filteredOn(i -> i.error() != null).hasSize(2)
                    .allSatisfy(i -> assertThat(i.error().detail()).isEqualTo(DETAIL))
                    .anySatisfy(i -> assertThat(i.error().arguments()).containsExactly(ARGUMENT));
            assertThat(counter.stages().lastError(Stage.PAGE_TEXT).orElseThrow().arguments())
                    .containsExactly(ARGUMENT);
            assertThat(Files.exists(data.resolve(CounterWiring.DATABASE_FILE + "-wal"))).isTrue();
            assertNoFileHolds(NAME);   // the running counter's database and WAL
        }
        try (Connection db = SqlRows.open(data)) {
            assertThat(SqlRows.rows(db, "SELECT error_args, error_detail FROM stage_work WHERE error_key IS NOT NULL",
                    null)).hasSize(2).allMatch(row -> row.stream().allMatch(v -> v.startsWith("~1")));
        }
        assertNoFileHolds(NAME);

        String shown = run("dossier", "show", code.value(), "--json");   // errorDetail: for IT staff
        assertThat(shown).contains("errorDetail").contains(DETAIL);
        assertThat(run("doctor")).contains("(" + DETAIL + ")");
    }

    @Test
    void anOlderFoldersPlainDetailsAreSealedAtTheNextStart() throws Exception {
        DossierCode code;
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
        }
        // what a version before V19 wrote: the error in plain text, and the folder not yet through the sealing
        try (Connection db = SqlRows.open(data)) {
            try (PreparedStatement st = db.prepareStatement("""
                    UPDATE stage_work SET state = 'FAILED', attempts = 1, error_key = 'stage.page_text.failed',
                        error_args = ?, error_detail = ? WHERE stage = 'PAGE_TEXT'""")) {
                st.setString(1, "[\"" + ARGUMENT + "\"]");
                st.setString(2, DETAIL);
                assertThat(st.executeUpdate()).isEqualTo(2);
            }
            try (Statement st = db.createStatement()) {
                st.executeUpdate("UPDATE data_protection SET free_text_state = 0");
            }
        }
        assertThat(DataFolderBytes.filesHolding(data, NAME.getBytes(StandardCharsets.UTF_8))).as("plain before")
                .isNotEmpty();

        try (CounterWiring counter = TestCounter.open(data, clock)) {
            assertThat(counter.stages().itemsOf(code)).filteredOn(i -> i.error() != null).hasSize(2)
                    .allSatisfy(i -> assertThat(i.error().detail()).isEqualTo(DETAIL))
                    .allSatisfy(i -> assertThat(i.error().arguments()).containsExactly(ARGUMENT));
        }
        try (Connection db = SqlRows.open(data)) {
            assertThat(SqlRows.rows(db, "SELECT free_text_state FROM data_protection", null))
                    .containsExactly(List.of("2"));
            assertThat(SqlRows.rows(db, "SELECT error_args, error_detail FROM stage_work WHERE error_key IS NOT NULL",
                    null)).hasSize(2).allMatch(row -> row.stream().allMatch(v -> v.startsWith("~1")));
        }
        assertNoFileHolds(NAME);
    }

    private String run(String... args) {
        System.setProperty("motcua.data.dir", data.toString());
        StringWriter out = new StringWriter();
        MotcuaCommand.commandLine(new MotcuaCommand(CounterLauncher.load())).setOut(new PrintWriter(out)).execute(args);
        return out.toString();
    }

    private void assertNoFileHolds(String text) throws Exception {
        assertThat(DataFolderBytes.filesHolding(data, text.getBytes(StandardCharsets.UTF_8))).as(text).isEmpty();
        assertThat(DataFolderBytes.filesHolding(data, text.getBytes(StandardCharsets.UTF_16LE))).as(text).isEmpty();
    }
}
