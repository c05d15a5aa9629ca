package vn.motcua.counter.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.bootstrap.CounterContext;
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
        try (CounterContext counter = CounterContext.open(TestCounter.settingsWithOcr(data, 1), MONDAY)) {
            AtomicInteger progressEvents = new AtomicInteger();
            counter.copies().orElseThrow().onProgress(progressEvents::incrementAndGet);
            Receipt receipt = counter.reception().receive(ScannedForms.request(counter, 2), counter.profile());
            DossierCode code = receipt.dossier().code();
            // the receipt came back while OCR still has the pages (seconds of work each)
            assertThat(counter.captureStore().counts().pagesPending()).isPositive();

            CaptureStore.ElectronicCopy copy = awaitCopy(counter, code);

            assertThat(counter.dossierQueries().search("nghia dan")).extracting(s -> s.code())
                    .containsExactly(code.value());
            assertThat(progressEvents.get()).as("one event per page read before the copy").isGreaterThanOrEqualTo(2);
            assertThat(counter.captureStore().counts())
                    .isEqualTo(new CaptureStore.CaptureCounts(0, 2, 0, 0)); // the page-less component needs none
            String component = receipt.dossier().documents().getFirst().component().name();
            assertThat(copy.componentName()).isEqualTo(component);
            assertThat(copy.componentPosition()).isEqualTo(1);
            assertValidCopy(counter.contents().read(copy.contentId()), component, code, 2);
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
        try (CounterContext counter = CounterContext.open(TestCounter.settingsWithOcr(data, 1), MONDAY)) {
            code = counter.reception().receive(ScannedForms.request(counter, 2), counter.profile()).dossier().code();
            long deadline = System.currentTimeMillis() + WAIT_MS;
            // one worker: once the first page is done, the second is being cleaned up or read
            while (counter.captureStore().counts().pagesDone() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(counter.captureStore().counts().pagesDone()).isEqualTo(1);
            closing = System.nanoTime();
        } // close() cancels the second page mid-work
        // the clerk closing the window waits for at most one page's clean-up, not for its OCR
        assertThat((System.nanoTime() - closing) / 1_000_000).isLessThan(10_000);

        try (CounterContext inspect = TestCounter.open(data, MONDAY)) { // OCR off: look at what close left
            List<String> states = inspect.database().read(c -> {
                List<String> rows = new ArrayList<>();
                try (var st = c.prepareStatement("""
                        SELECT p.ocr_state, p.ocr_text IS NOT NULL, p.ocr_words IS NOT NULL,
                               EXISTS (SELECT 1 FROM page_texts t WHERE t.content_id = p.content_id)
                        FROM pages p ORDER BY p.component_id, p.position""");
                     var rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + ":" + rs.getBoolean(2) + rs.getBoolean(3) + rs.getBoolean(4));
                    }
                }
                return rows;
            });
            // never half: the first page has its text, boxes and index entry; the second, cancelled inside its
            // seconds of clean-up and OCR, has none of them; no copy while a page is pending
            assertThat(states).containsExactly("DONE:truetruetrue", "PENDING:falsefalsefalse");
            assertThat(inspect.captureStore().copies(code)).isEmpty();
            assertThat(inspect.captureStore().counts()).isEqualTo(new CaptureStore.CaptureCounts(1, 1, 0, 1));
        }

        try (CounterContext restarted = CounterContext.open(TestCounter.settingsWithOcr(data, 1), MONDAY)) {
            CaptureStore.ElectronicCopy copy = awaitCopy(restarted, code);
            assertThat(restarted.captureStore().counts().pagesDone()).isEqualTo(2);
            assertThat(restarted.dossierQueries().search("nghia dan")).hasSize(1);
            assertValidCopy(restarted.contents().read(copy.contentId()), copy.componentName(), code, 2);
        }
    }

    /**
     * A page file lost from the disk: the copy cannot be made, and the status bar and the dossier screen say so
     * instead of "being made". With the file back, the next start makes it.
     */
    @Test
    @Timeout(300)
    void aCopyThatCannotBeMadeIsReportedAndTriedAgainAtTheNextStart() throws Exception {
        DossierCode code;
        java.nio.file.Path lostFile;
        byte[] lostBytes;
        try (CounterContext counter = TestCounter.open(data, MONDAY)) { // OCR off: the pages stay pending
            Receipt receipt = counter.reception().receive(ScannedForms.request(counter, 2), counter.profile());
            code = receipt.dossier().code();
            lostFile = counter.contents().pathOf(receipt.dossier().documents().getFirst().pages().getLast().contentId());
            lostBytes = java.nio.file.Files.readAllBytes(lostFile);
            java.nio.file.Files.delete(lostFile);
        }

        try (CounterContext counter = CounterContext.open(TestCounter.settingsWithOcr(data, 1), MONDAY)) {
            ElectronicCopyService copies = counter.copies().orElseThrow();
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (copies.progress().copiesFailed() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            // one page read, the lost one unreadable; the component's copy failed and is no longer "being made"
            assertThat(copies.progress()).isEqualTo(new CaptureStore.CaptureCounts(0, 1, 1, 0, 1));
            assertThat(counter.captureStore().copies(code)).isEmpty();
            assertThat(counter.captureStore().copyStates(code)).singleElement()
                    .satisfies(state -> assertThat(state.copyFailed()).isTrue());

            var status = new vn.motcua.counter.ui.capture.CaptureProgressViewModel(copies,
                    vn.motcua.counter.i18n.Messages.of(java.util.Locale.forLanguageTag("vi-VN")),
                    new vn.motcua.counter.ui.UiExecutors(Runnable::run, Runnable::run));
            status.refresh();
            assertThat(status.statusProperty().get()).isEqualTo("Bản điện tử: 1 thành phần chưa tạo được "
                    + "(xem logs/motcua.log); sẽ thử lại khi mở lại chương trình");
            assertThat(status.workingProperty().get()).isFalse();
            status.close();
        }

        java.nio.file.Files.write(lostFile, lostBytes); // IT staff restore it from a backup
        try (CounterContext restarted = CounterContext.open(TestCounter.settingsWithOcr(data, 1), MONDAY)) {
            CaptureStore.ElectronicCopy copy = awaitCopy(restarted, code);
            assertThat(restarted.captureStore().counts()).isEqualTo(new CaptureStore.CaptureCounts(0, 1, 1, 0, 0));
            // the page whose OCR failed is in the copy as an image without text
            try (PDDocument doc = Loader.loadPDF(restarted.contents().read(copy.contentId()))) {
                assertThat(doc.getNumberOfPages()).isEqualTo(2);
            }
        }
    }

    private static CaptureStore.ElectronicCopy awaitCopy(CounterContext counter, DossierCode code)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (counter.captureStore().copies(code).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(counter.captureStore().copies(code)).as("electronic copy within %d s", WAIT_MS / 1000).hasSize(1);
        return counter.captureStore().copies(code).getFirst();
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
