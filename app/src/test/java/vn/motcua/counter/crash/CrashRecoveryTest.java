package vn.motcua.counter.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.store.Database;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;

/**
 * Kills a real application process with SIGKILL while it saves dossiers, restarts on the same data folder, and
 * checks that the database is sound and that every dossier is there whole, with all its files, or not at all.
 */
class CrashRecoveryTest {

    private static final int KILLS = 3;

    @TempDir
    Path data;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aKilledCounterLosesNoSavedDossierAndLeavesNoHalfDossier() throws Exception {
        int confirmedBeforeKills = 0;
        for (int round = 1; round <= KILLS; round++) {
            Process child = startSaveLoop(1000);
            // Strike at a different moment each round: after 2, 3, 4 saves plus a varying delay into the next one.
            int confirmed = awaitSaved(child, round + 1);
            Thread.sleep(37L * round);
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
            confirmedBeforeKills += confirmed;

            assertThat(Database.checkIntegrity(data.resolve(CounterWiring.DATABASE_FILE))).isEqualTo("ok");
            List<DossierSummary> dossiers = checkEveryDossierWhole();
            assertThat(dossiers.size()).isGreaterThanOrEqualTo(confirmedBeforeKills);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSecondInstanceOnTheSameDataFolderIsRefused() throws Exception {
        Process first = startSaveLoop(1_000_000);
        try {
            awaitLine(first, "ready");
            assertThatThrownBy(() -> TestCounter.open(data, SaveLoopClock.DAY))
                    .isInstanceOf(CounterException.class)
                    .satisfies(e -> assertThat(((CounterException) e).messageKey()).isEqualTo("instance.already_running"));
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private List<DossierSummary> checkEveryDossierWhole() {
        try (CounterWiring restarted = TestCounter.open(data, SaveLoopClock.DAY)) {
            List<DossierSummary> rows = restarted.dossiers().receivedOn(LocalDate.of(2026, 11, 24));
            List<Integer> sequences = new ArrayList<>();
            for (DossierSummary row : rows) {
                DossierCode code = DossierCode.parse(row.code());
                Dossier dossier = restarted.dossiers().dossier(code).orElseThrow();
                assertThat(dossier.documents()).as(row.code()).hasSize(2)
                        .allSatisfy(d -> assertThat(d.pages()).hasSize(1));
                dossier.documents().forEach(d -> d.pages().forEach(p ->
                        assertThat(restarted.contents().verify(p.contentId())).as(p.contentId()).isTrue()));
                String receipt = restarted.dossiers().receiptContentId(code).orElseThrow();
                assertThat(restarted.contents().verify(receipt)).as("receipt of " + row.code()).isTrue();
                assertThat(restarted.dossiers().history(code)).hasSize(1);
                sequences.add(code.sequence());
            }
            assertThat(sequences).doesNotHaveDuplicates();
            return rows;
        }
    }

    private Process startSaveLoop(int limit) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-Dmotcua.log.dir=" + data.resolve("logs"),
                // the child's Settings.of reads no environment: its key folder is the tests' one (decision 1201)
                "-Dmotcua.security.key.dir=" + System.getProperty("motcua.security.key.dir"),
                "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), data.toString(), String.valueOf(limit))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** Reads the child's output until it has confirmed {@code count} saves; returns how many it confirmed. */
    private static int awaitSaved(Process child, int count) throws IOException {
        awaitLine(child, "saved " + count);
        return count;
    }

    private static void awaitLine(Process child, String expected) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new IllegalStateException("the child process ended before printing '" + expected + "'");
    }
}
