package vn.motcua.counter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.port.ReportRenderer;
import vn.motcua.counter.bootstrap.CounterContext;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.Document;

/**
 * The counter report on a real counter. The dossier lifecycle's tables (resolution time, results, ratings) come from
 * its own migration; here they are created the way the report expects them, to check it reads them.
 */
class CounterReportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path data;
    @TempDir
    Path out;

    private CounterContext counter;
    private final List<Receipt> received = new ArrayList<>();

    @BeforeEach
    void receiveThree() {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        for (int i = 1; i <= 3; i++) {
            ReceptionRequest request = TestCounter.request(counter, i);
            List<Document> documents = new ArrayList<>(request.documents());
            // the third component was handed in on paper only: not digitized
            documents.add(new Document(request.procedure().components().get(2), List.of()));
            received.add(counter.reception().receive(new ReceptionRequest(request.applicant(), request.procedure(),
                    request.processingTime(), documents), counter.profile()));
        }
    }

    @AfterEach
    void close() {
        counter.close();
    }

    @Test
    void withoutTheLifecycleTablesResolutionsAndRatingsAreZero() {
        CounterReport report = counter.reports().report(DAY, DAY);
        assertThat(report.received()).isEqualTo(3);
        assertThat(report.components()).isEqualTo(9);
        assertThat(report.componentsDigitized()).isEqualTo(6);
        assertThat(report.componentDigitizationRate()).isCloseTo(66.7, org.assertj.core.data.Offset.offset(0.05));
        assertThat(report.resolved()).isZero();
        assertThat(report.satisfaction()).isEmpty();
        assertThat(counter.reports().report(DAY.plusDays(1), DAY.plusDays(7)).received()).isZero();
    }

    @Test
    void readsResolutionsResultsAndRatingsWhenTheLifecycleRecordsThem() throws Exception {
        lifecycleTables();
        CounterReport report = counter.reports().report(DAY, DAY.plusDays(6));
        assertThat(report.resolvedOnTime()).isEqualTo(1);
        assertThat(report.resolvedLate()).isEqualTo(1);
        assertThat(report.onTimeRate()).isEqualTo(50.0);
        assertThat(report.results()).isEqualTo(2);
        assertThat(report.resultsDigitized()).isEqualTo(1);
        assertThat(report.satisfaction()).containsExactly(Map.entry("1", 1), Map.entry("3", 2));
        // SaveLoopClock.DAY is 24/11 10:00: nothing is overdue yet on the day of reception
        assertThat(report.overdueNow()).isZero();
    }

    @Test
    void exportsCsvAndPdfWithTheSameFigures() throws Exception {
        lifecycleTables();
        CounterReport report = counter.reports().report(DAY, DAY.plusDays(6));
        Path csv = out.resolve("bao-cao.csv");
        Path pdf = out.resolve("bao-cao.pdf");
        counter.reports().export(report, ReportRenderer.Format.CSV, csv);
        counter.reports().export(report, ReportRenderer.Format.PDF, pdf);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFFmetric,label,value");
        assertThat(lines).contains("received,Hồ sơ tiếp nhận,3", "on_time_rate,Tỷ lệ đúng hạn (%),50.0",
                "component_rate,Tỷ lệ số hóa thành phần (%),66.7", "rating_3,Mức đánh giá 3,2",
                "from,Từ ngày,2026-11-24");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("BÁO CÁO TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ", "Từ ngày 24/11/2026 đến ngày 30/11/2026",
                    "Giải quyết quá hạn", "66.7 %", "Mức đánh giá 3 (2)");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> counter.reports().report(DAY, DAY.minusDays(1)))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("report.bad_period"));
    }

    /** As the lifecycle branch is expected to record them (see SqliteReports). */
    private void lifecycleTables() throws Exception {
        try (Statement st = counter.database().connection().createStatement()) {
            st.executeUpdate("ALTER TABLE dossiers ADD COLUMN resolved_at TEXT");
            st.executeUpdate("CREATE TABLE results (id INTEGER PRIMARY KEY, dossier_id INTEGER, content_id TEXT)");
            st.executeUpdate("CREATE TABLE ratings (dossier_id INTEGER, rating INTEGER, rated_at TEXT)");
            // appointment is 27/11 10:00: one resolved before, one after
            st.executeUpdate("UPDATE dossiers SET status = 9, resolved_at = '2026-11-26T15:00:00' WHERE code = '"
                    + received.get(0).dossier().code() + "'");
            st.executeUpdate("UPDATE dossiers SET status = 9, resolved_at = '2026-11-30T09:00:00' WHERE code = '"
                    + received.get(1).dossier().code() + "'");
            st.executeUpdate("INSERT INTO results (dossier_id, content_id) SELECT id, 'abc' FROM dossiers "
                    + "WHERE resolved_at < '2026-11-27'");
            st.executeUpdate("INSERT INTO results (dossier_id, content_id) SELECT id, NULL FROM dossiers "
                    + "WHERE resolved_at > '2026-11-27'");
            st.executeUpdate("INSERT INTO ratings VALUES (1, 3, '2026-11-26T15:05:00'), (2, 3, '2026-11-30T09:10:00'),"
                    + " (3, 1, '2026-11-30T10:00:00'), (3, 2, '2026-12-15T10:00:00')");
        }
    }
}
