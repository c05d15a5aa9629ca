package vn.motcua.counter.atrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.protection.FileCipher;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.launch.ChildCounter;
import vn.motcua.counter.launch.HoldCounter;

/**
 * The first start on a data folder from before decision 1201 seals it in place. The real launcher in a child JVM is
 * killed with SIGKILL at random moments of that migration (small batches make it last), a bounded number of times;
 * the next start finishes it: every dossier reads back as it was written, nothing plain is left in the columns, the
 * indexes or the file, and search by ID number, name and page word works. {@code crash.kills} sets the kills (3).
 */
class ColumnSealingCrashTest {

    private static final int DOSSIERS = 400;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aKillDuringTheMigrationLosesNothingAndTheNextStartFinishesIt() throws Exception {
        Path data = dir.resolve("data");
        List<LegacyFolder.Row> rows = LegacyFolder.write(data, DOSSIERS);
        ChildCounter child = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp"))
                .option("-Dmotcua.sealing.batch=1");   // 400 commits: long enough to be cut on a quick machine
        Random random = new Random();
        int kills = Integer.getInteger("crash.kills", 3);
        int midway = 0;
        for (int run = 1; run <= kills; run++) {
            Path outputs = dir.resolve("run" + run);
            int before = sealedDossiers(data);
            Process process = child.start(HoldCounter.class, outputs);
            awaitMigration(process, data, before);
            Thread.sleep(random.nextInt(60));   // seen in CI: 800 ms let the whole migration finish first
            boolean ready = Files.exists(outputs.resolve("out.txt"))
                    && Files.readString(outputs.resolve("out.txt")).contains("ready");
            process.destroyForcibly();   // SIGKILL: no finally block, no shutdown hook
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int state = state(data);
            System.out.printf("migration kill %d: %s, columns_state %d, %d of %d dossiers sealed%n", run,
                    ready ? "after it finished" : "during start-up", state, sealedDossiers(data), DOSSIERS);
            if (!ready && state < 2) {
                midway++;
            }
        }

        MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
        long opening = System.nanoTime();
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            System.out.printf("the start that finished the migration took %d ms%n",
                    (System.nanoTime() - opening) / 1_000_000);
            counter.contentCleanup().get(60, TimeUnit.SECONDS);   // the files are sealed first
            for (LegacyFolder.Row row : rows) {
                Dossier dossier = counter.dossiers().dossier(DossierCode.parse(row.code())).orElseThrow();
                assertThat(dossier.applicant().fullName()).isEqualTo(row.name());
                assertThat(dossier.applicant().idNumber().value()).isEqualTo(row.idNumber());
                assertThat(dossier.applicant().address()).isEqualTo(row.address());
                assertThat(counter.contents().read(row.contentId()))
                        .isEqualTo(("Trang quét của " + row.name() + " " + row.idNumber())
                                .getBytes(StandardCharsets.UTF_8));
            }
            LegacyFolder.Row some = rows.get(123);
            var queries = counter.dossierQueries();
            assertThat(queries.search(some.idNumber())).extracting(s -> s.code()).containsExactly(some.code());
            assertThat(queries.search(some.pageWord())).extracting(s -> s.code()).containsExactly(some.code());
            // "hon": a name-word prefix, no whole word of the page texts ("ho" is: "Họ và tên")
            assertThat(queries.search("tran thi hon")).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.applicantName()).isEqualTo("Trần Thị Hồng Nhung"));
            assertThat(queries.search("Trần Thị Hồng Nhung")).hasSize((int) rows.stream()
                    .filter(r -> r.name().equals("Trần Thị Hồng Nhung")).count());
        }
        assertThat(state(data)).isEqualTo(2);
        try (Connection db = SqlRows.open(data)) {
            assertThat(SqlRows.rows(db, """
                    SELECT count(*) FROM dossiers WHERE substr(applicant_name, 1, 2) <> '~1'
                        OR substr(applicant_id_number, 1, 2) <> '~1' OR substr(applicant_address, 1, 2) <> '~1'
                        OR applicant_id_token IS NULL""", null)).containsExactly(List.of("0"));
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM pages WHERE substr(ocr_text, 1, 2) <> '~1' "
                    + "OR substr(ocr_words, 1, 2) <> '~1'", null)).containsExactly(List.of("0"));
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM page_texts", null))
                    .containsExactly(List.of(String.valueOf(DOSSIERS)));
        }
        // no byte of the folder is a name, an ID number or a page word in plain
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String latin = new String(bytes, StandardCharsets.ISO_8859_1);
                String utf8 = new String(bytes, StandardCharsets.UTF_8);
                for (LegacyFolder.Row row : List.of(rows.get(0), rows.get(123), rows.get(DOSSIERS - 1))) {
                    assertThat(latin).as("%s in %s", row.idNumber(), file).doesNotContain(row.idNumber());
                    assertThat(utf8).as("%s in %s", row.name(), file).doesNotContain(row.name());
                }
                assertThat(utf8).as("folded names in %s", file).doesNotContain("nguyen van an", "hong nhung");
                if (file.getParent().getFileName().toString().matches("[0-9a-f]{2}")) {
                    assertThat(FileCipher.isEncrypted(bytes)).as("content file %s sealed", file).isTrue();
                }
            }
        }
        System.out.printf("column sealing: %d kills, %d during the migration%n", kills, midway);
        assertThat(midway).as("at least one kill landed in the migration").isPositive();
    }

    /** Waits (bounded) until this start's batches are committing: more dossiers sealed than before it, or done. */
    private static void awaitMigration(Process process, Path data, int before) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                if (state(data) >= 0 && (state(data) == 2 || sealedDossiers(data) > before)) {
                    return;
                }
            } catch (java.sql.SQLException busy) {
                // the child holds the file for a moment (Flyway): ask again
            }
            Thread.sleep(20);
        }
    }

    private static int sealedDossiers(Path data) throws Exception {
        try (Connection db = SqlRows.open(data)) {
            return Integer.parseInt(SqlRows.rows(db, "SELECT count(*) FROM dossiers WHERE substr(applicant_name, 1, 2)"
                    + " = '~1'", null).getFirst().getFirst());
        }
    }

    /** data_protection.columns_state, or -1 before V13 made it. */
    private static int state(Path data) throws Exception {
        try (Connection db = SqlRows.open(data)) {
            List<List<String>> found = SqlRows.rows(db,
                    "SELECT name FROM sqlite_master WHERE name = 'data_protection'", null);
            if (found.isEmpty()) {
                return -1;
            }
            return Integer.parseInt(SqlRows.rows(db, "SELECT columns_state FROM data_protection", null)
                    .getFirst().getFirst());
        }
    }
}
