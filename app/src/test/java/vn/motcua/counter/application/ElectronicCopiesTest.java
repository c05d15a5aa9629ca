package vn.motcua.counter.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.PipelineCounts;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.domain.ElectronicCopy;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.capture.pdfa.VeraPdf;
import vn.motcua.counter.domain.DossierCode;

/**
 * Background OCR and electronic copies through the real counter: SQLite file, content store, Tesseract {@code vie},
 * the PDF/A writer and veraPDF. Pages are generated A4 forms at 200 dpi stored as PNG without a resolution, as the
 * scanner bridge stores them.
 */
class ElectronicCopiesTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Clock MONDAY =
            Clock.fixed(LocalDateTime.of(2026, 11, 23, 9, 30).atZone(VIETNAM).toInstant(), VIETNAM);
    private static final String AGENCY_NAME = "Ủy ban nhân dân Thành phố Hà Nội"; // the embedded default
    private static final long WAIT_MS = 150_000;

    @TempDir
    Path data;

    @Test
    @Timeout(240)
    void aReceivedDossierBecomesSearchableAndGetsAValidPdfaCopyPerComponent() throws Exception {
        try (CounterWiring counter = withOcr()) {
            AtomicInteger progressEvents = new AtomicInteger();
            counter.pipeline().onProgress(progressEvents::incrementAndGet);
            AtomicInteger sendingEvents = new AtomicInteger(); // as the sync indicator listens
            counter.pipeline().onProgress(Set.of(Stage.SEND_DOSSIER), sendingEvents::incrementAndGet);
            Receipt receipt = counter.reception().receive(ScannedForms.request(counter, 2), counter.profile());
            DossierCode code = receipt.dossier().code();
            // the receipt came back while OCR still has the pages (seconds of work each)
            assertThat(PipelineCounts.of(counter).pagesToRead()).isPositive();

            ElectronicCopy copy = awaitCopy(counter, code);

            assertThat(counter.dossierQueries().search("nghia dan")).extracting(s -> s.code())
                    .containsExactly(code.value());
            assertThat(progressEvents.get()).as("one event per page read before the copy").isGreaterThanOrEqualTo(2);
            assertThat(progressEvents.get() - sendingEvents.get()).as("pages read are not told to a sending listener")
                    .isGreaterThanOrEqualTo(2);
            assertThat(PipelineCounts.of(counter))
                    .isEqualTo(new PipelineCounts(0, 2, 0, 0, 0)); // the page-less component needs none
            String component = receipt.dossier().documents().getFirst().component().name();
            assertThat(copy.component().name()).isEqualTo(component);
            assertThat(copy.component().position()).isEqualTo(1);
            assertValidCopy(counter.contents().read(copy.pdfContentId()), component, code, 2);
            // each page's cleaned image was kept with its text (the copy was made from it, not from a second clean-up)
            try (var db = SqlRows.open(data)) {
                List<List<String>> images = SqlRows.rows(db,
                        "SELECT copy_image_content_id FROM pages WHERE copy_image_dpi = ? ORDER BY position", "200");
                assertThat(images).hasSize(2)
                        .allSatisfy(id -> assertThat(counter.contents().verify(id.getFirst())).isTrue());
            }
        }
    }

    @Test
    @Timeout(300)
    void closingWhileOcrRunsLeavesPagesPendingOrDoneAndTheCopyCompletesAfterARestart() throws Exception {
        DossierCode code;
        long closing;
        try (CounterWiring counter = withOcr()) {
            code = counter.reception().receive(ScannedForms.request(counter, 2), counter.profile()).dossier().code();
            long deadline = System.currentTimeMillis() + WAIT_MS;
            // one worker: once the first page is done, the second is being cleaned up or read
            while (PipelineCounts.of(counter).pagesDone() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(PipelineCounts.of(counter).pagesDone()).isEqualTo(1);
            closing = System.nanoTime();
        } // close() cancels the second page mid-work
        // the clerk closing the window waits for at most one page's clean-up, not for its OCR
        assertThat((System.nanoTime() - closing) / 1_000_000).isLessThan(10_000);

        try (CounterWiring inspect = TestCounter.open(data, MONDAY)) { // OCR off: look at what close left
            List<String> states = inspect.database().read(c -> {
                List<String> rows = new ArrayList<>();
                try (var st = c.prepareStatement("""
                        SELECT w.state, p.ocr_text IS NOT NULL, p.ocr_words IS NOT NULL,
                               EXISTS (SELECT 1 FROM page_texts t WHERE t.content_id = p.content_id)
                        FROM pages p JOIN stage_work w ON w.stage = 'PAGE_TEXT' AND w.subject_id = p.id
                        ORDER BY p.component_id, p.position""");
                     var rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + ":" + rs.getBoolean(2) + rs.getBoolean(3) + rs.getBoolean(4));
                    }
                }
                return rows;
            });
            // never half: the first page has its text, boxes and index entry; the second, cancelled inside its
            // seconds of clean-up and OCR, has none of them and waits to be read again; no copy while it waits
            assertThat(states).containsExactly("DONE:truetruetrue", "WAITING:falsefalsefalse");
            assertThat(inspect.copies().of(code)).singleElement()
                    .satisfies(w -> assertThat(w.copy().state()).isEqualTo(ElectronicCopy.State.READING_PAGES));
            assertThat(PipelineCounts.of(inspect)).isEqualTo(new PipelineCounts(1, 1, 0, 1, 0));
        }

        try (CounterWiring restarted = withOcr()) {
            ElectronicCopy copy = awaitCopy(restarted, code);
            assertThat(PipelineCounts.of(restarted).pagesDone()).isEqualTo(2);
            assertThat(restarted.dossierQueries().search("nghia dan")).hasSize(1);
            assertValidCopy(restarted.contents().read(copy.pdfContentId()), copy.component().name(), code, 2);
        }
    }

    /**
     * A page file lost from the disk: its page and the component's copy fail at once with the reason, and the status
     * bar and the dossier screen say so instead of "being made". With the file back, the clerk's retry makes it.
     */
    @Test
    @Timeout(300)
    void aCopyThatCannotBeMadeIsReportedWithItsReasonAndARetryMakesIt() throws Exception {
        DossierCode code;
        java.nio.file.Path lostFile;
        byte[] lostBytes;
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) { // OCR off: the pages stay waiting
            Receipt receipt = counter.reception().receive(ScannedForms.request(counter, 2), counter.profile());
            code = receipt.dossier().code();
            lostFile = TestCounter.storedFile(data,   // the store's own (encrypted) file, not a viewer's copy
                    receipt.dossier().documents().getFirst().pages().getLast().contentId());
            lostBytes = java.nio.file.Files.readAllBytes(lostFile);
            java.nio.file.Files.delete(lostFile);
        }

        try (CounterWiring counter = withOcr()) {
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (PipelineCounts.of(counter).copiesFailed() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            // one page read, the lost one failed; the component's copy failed and is no longer "being made"
            assertThat(PipelineCounts.of(counter)).isEqualTo(new PipelineCounts(0, 1, 1, 0, 1));
            var work = counter.copies().of(code).getFirst();
            assertThat(work.copy().state()).isEqualTo(ElectronicCopy.State.FAILED);
            assertThat(work.copy().pdfContentId()).isNull();
            assertThat(work.needingAttention()).extracting(item -> item.error().messageKey())
                    .containsExactly("store.content_missing", "store.content_missing");

            var status = new vn.motcua.counter.ui.capture.CaptureProgressViewModel(counter.pipeline(),
                    vn.motcua.counter.i18n.Messages.of(java.util.Locale.forLanguageTag("vi-VN")),
                    new vn.motcua.counter.ui.UiExecutors(Runnable::run, Runnable::run));
            status.refresh();
            assertThat(status.statusProperty().get()).isEqualTo("Bản điện tử: 1 thành phần chưa tạo được; "
                    + "mở hồ sơ để xem lý do và thử lại (F12)");
            assertThat(status.workingProperty().get()).isFalse();
            status.close();

            // the dossier screen names both failures with their reason and offers the retry
            var messages = vn.motcua.counter.i18n.Messages.of(java.util.Locale.forLanguageTag("vi-VN"));
            var screen = new vn.motcua.counter.ui.dossier.DossierViewModel(counter.lifecycle(), counter.reception(),
                    counter.copies(), counter.pipeline(), counter.profile(), messages,
                    new vn.motcua.counter.ui.UiExecutors(Runnable::run, Runnable::run), code);
            screen.load();
            assertThat(screen.electronicCopiesProperty().get())
                    .startsWith("1. Chưa tạo được bản điện tử: Thiếu tệp ")
                    .contains("Một trang không nhận dạng được chữ (Thiếu tệp ");
            assertThat(screen.stuckWork()).hasSize(2);

            java.nio.file.Files.write(lostFile, lostBytes); // IT staff restore it from a backup
            screen.retryStuckWork(); // F12
            assertThat(screen.messageProperty().get()).isEqualTo("Đã đưa 2 việc vào làm lại.");
            ElectronicCopy copy = awaitCopy(counter, code);
            // the page is read this time, and the copy is made with both pages' text
            assertThat(PipelineCounts.of(counter)).isEqualTo(new PipelineCounts(0, 2, 0, 0, 0));
            assertValidCopy(counter.contents().read(copy.pdfContentId()), copy.component().name(), code, 2);
        }
    }

    private CounterWiring withOcr() {
        CounterWiring counter = CounterWiring.open(TestCounter.settingsWithOcr(data, 1), MONDAY);
        counter.pipeline().start();
        return counter;
    }

    private static ElectronicCopy awaitCopy(CounterWiring counter, DossierCode code) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!made(counter, code) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(made(counter, code)).as("electronic copy within %d s", WAIT_MS / 1000).isTrue();
        return counter.copies().of(code).getFirst().copy();
    }

    private static boolean made(CounterWiring counter, DossierCode code) {
        return counter.copies().of(code).stream().anyMatch(w -> w.copy().state() == ElectronicCopy.State.MADE);
    }

    private static void assertValidCopy(byte[] pdf, String component, DossierCode code, int pages) throws Exception {
        assertThat(VeraPdf.failures(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pages);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(component);
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains(component, code.value(), AGENCY_NAME);
            // the text layer was rebuilt from the stored word boxes
            assertThat(new PDFTextStripper().getText(doc)).contains("KHAI SINH");
        }
    }
}
