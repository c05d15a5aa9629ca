package vn.motcua.counter.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.PipelineCounts;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.adapters.capture.TesseractPageCapture;
import vn.motcua.counter.adapters.store.Database;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.ElectronicCopy;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Procedure;

/**
 * SIGKILLs a child JVM running the dossier pipeline ({@code motcua run --until-idle}, the real launcher) at random
 * moments while 20 dossiers go through clean-up, OCR and their electronic copies, restarting it after each kill. At
 * the end every page's text and every copy is made exactly once, the text the same as an uninterrupted reading
 * gives, and the database passes {@code PRAGMA integrity_check} after every kill.
 *
 * <p>The default run makes {@value #DEFAULT_KILLS} kills in one round; {@code -Psoak} (app/pom.xml) makes
 * {@code crash.rounds} rounds of {@code crash.kills} kills on fresh data folders, at least 50 in all. A round has
 * fewer kills than the runner's limit of interruptions per item (five, decision 0302): an item cut that often is
 * failed on purpose, as one that may be killing the process.
 */
class PipelineCrashTest {

    private static final int DOSSIERS = 20;
    private static final int DEFAULT_KILLS = 3;
    /** A progress line after this run read a page (the runner also reports its start, with nothing done yet). */
    private static final Pattern PROGRESS = Pattern.compile("PAGE_TEXT [1-9]\\d*/\\d+.*");
    private static final long CHILD_WAIT_S = 120;

    @TempDir
    Path root;

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void killedAtRandomTheRunnerFinishesEveryPageAndCopyExactlyOnce() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 1);
        int kills = Integer.getInteger("crash.kills", DEFAULT_KILLS);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        AtomicInteger trials = new AtomicInteger();
        for (int round = 1; round <= rounds; round++) {
            Path data = root.resolve("round-" + round);
            receiveDossiers(data);
            for (int kill = 1; kill <= kills; kill++) {
                Process child = startRunner(data);
                boolean progressed = awaitProgress(child);
                if (!progressed) { // the child finished before it could be killed: nothing left to interrupt
                    break;
                }
                Thread.sleep(random.nextInt(1500));
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                trials.incrementAndGet();
                assertThat(Database.checkIntegrity(data.resolve(CounterWiring.DATABASE_FILE)))
                        .as("integrity after kill %d of round %d (seed %d)", kill, round, seed).isEqualTo("ok");
            }
            Process last = startRunner(data);
            drain(last);
            assertThat(last.waitFor(CHILD_WAIT_S, TimeUnit.SECONDS)).as("the last run ends by itself").isTrue();
            assertThat(last.exitValue()).as("nothing failed (seed %d)", seed).isZero();
            checkEverythingMadeOnce(data, seed);
        }
        System.out.printf("pipeline crash test: %d rounds, %d SIGKILLs, seed %d%n", rounds, trials.get(), seed);
        assertThat(trials.get()).isGreaterThanOrEqualTo(Math.min(rounds * kills, DEFAULT_KILLS));
    }

    /** 20 dossiers of two components, one short page each, received with OCR off so that all of it waits. */
    private static void receiveDossiers(Path data) {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            Procedure procedure = counter.catalogue().procedure("1.004873").orElseThrow();
            for (int i = 1; i <= DOSSIERS; i++) {
                int n = i;
                List<Document> documents = procedure.components().stream().limit(2).map(component ->
                        new Document(component, List.of(counter.reception().storePage(TestImages.png(
                                "HO SO " + n + " TRANG " + component.name().length()), Page.PageSource.SCANNED))))
                        .toList();
                counter.reception().receive(new ReceptionRequest(TestCounter.applicant(), procedure,
                        procedure.processingTime(), documents), counter.profile());
            }
        }
    }

    private static void checkEverythingMadeOnce(Path data, long seed) throws Exception {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY);
             TesseractPageCapture reference = new TesseractPageCapture(new OcrWorkerPool(
                     OcrSettings.defaults().withWorkers(1)))) {
            assertThat(PipelineCounts.of(counter)).as("seed %d", seed)
                    .isEqualTo(new PipelineCounts(0, DOSSIERS * 2, 0, 0, 0));
            var db = counter.database().connection();
            // one text per page, indexed once, the same text an uninterrupted reading of its scan gives
            List<List<String>> pages = SqlRows.rows(db, "SELECT content_id, ocr_text FROM pages ORDER BY id", null);
            assertThat(pages).hasSize(DOSSIERS * 2);
            for (List<String> page : pages) {
                String again = reference.read(counter.contents().read(page.get(0)), () -> false).orElseThrow()
                        .text().text();
                assertThat(counter.database().columns().open("ocr_text", page.get(1)))   // sealed in the file
                        .as("text of %s (seed %d)", page.get(0), seed).isEqualTo(again);
            }
            assertThat(SqlRows.rows(db, "SELECT content_id FROM page_texts GROUP BY content_id HAVING count(*) > 1",
                    null)).as("a page indexed twice").isEmpty();
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM page_texts", null))
                    .containsExactly(List.of(String.valueOf(DOSSIERS * 2)));
            counter.database().inTransaction(c -> { // FTS5 checks its own index against its rows, or throws
                try (var st = c.createStatement()) {
                    return st.execute("INSERT INTO page_text (page_text) VALUES ('integrity-check')");
                }
            });
            // one copy per component, whole, with its page's text layer
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM electronic_copies", null))
                    .containsExactly(List.of(String.valueOf(DOSSIERS * 2)));
            for (var summary : counter.dossiers().receivedOn(java.time.LocalDate.of(2026, 11, 24))) {
                var copies = counter.copies().of(vn.motcua.counter.domain.DossierCode.parse(summary.code()));
                assertThat(copies).hasSize(2).allSatisfy(work -> {
                    ElectronicCopy copy = work.copy();
                    assertThat(copy.state()).isEqualTo(ElectronicCopy.State.MADE);
                    assertThat(counter.contents().verify(copy.pdfContentId())).isTrue();
                    try (PDDocument pdf = Loader.loadPDF(counter.contents().read(copy.pdfContentId()))) {
                        assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                        assertThat(new PDFTextStripper().getText(pdf)).contains("HO SO");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }

    private Process startRunner(Path data) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-Dmotcua.data.dir=" + data, "-Dmotcua.ocr.workers=2",
                "-Dmotcua.agency.code=" + TestCounter.AGENCY, "-cp", System.getProperty("java.class.path"),
                "vn.motcua.counter.Launcher", "run", "--until-idle");
        builder.environment().putAll(Map.of("OMP_THREAD_LIMIT", "1"));
        builder.environment().remove("MOTCUA_OCR_WORKERS");
        return builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the child's progress lines until the first item is done; false if it ended before. */
    private static boolean awaitProgress(Process child) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            if (PROGRESS.matcher(line).matches()) {
                Thread.ofPlatform().daemon().start(() -> drainQuietly(err)); // never block the child on a full pipe
                return true;
            }
        }
        return false;
    }

    private static void drain(Process child) {
        BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().start(() -> drainQuietly(err));
    }

    private static void drainQuietly(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            // the child is gone
        }
    }
}
