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
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.Document;

/**
 * The counter report on a real counter, with resolutions, results and ratings recorded through the real lifecycle.
 */
class CounterReportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path data;
    @TempDir
    Path out;

    private CounterWiring counter;
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
    void beforeAnyResolutionResolutionsAndRatingsAreZero() {
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
        resolveOneOnTimeOneLate();
        CounterReport report = counter.reports().report(DAY, DAY.plusDays(6));
        assertThat(report.resolvedOnTime()).isEqualTo(1);
        assertThat(report.resolvedLate()).isEqualTo(1);
        assertThat(report.onTimeRate()).isEqualTo(50.0);
        assertThat(report.results()).isEqualTo(2);
        assertThat(report.resultsDigitized()).isEqualTo(1);
        assertThat(report.satisfaction()).containsExactly(Map.entry("Không hài lòng", 1));
        // now is 30/11 09:00: the third dossier (due 27/11 10:00) is still open, so overdue
        assertThat(report.overdueNow()).isEqualTo(1);
    }

    @Test
    void exportsCsvAndPdfWithTheSameFigures() throws Exception {
        resolveOneOnTimeOneLate();
        CounterReport report = counter.reports().report(DAY, DAY.plusDays(6));
        Path csv = out.resolve("bao-cao.csv");
        Path pdf = out.resolve("bao-cao.pdf");
        counter.reports().export(report, ReportRenderer.Format.CSV, csv);
        counter.reports().export(report, ReportRenderer.Format.PDF, pdf);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFFmetric,label,value");
        assertThat(lines).contains("received,Hồ sơ tiếp nhận,3", "on_time_rate,Tỷ lệ đúng hạn (%),50.0",
                "component_rate,Tỷ lệ số hóa thành phần (%),66.7", "rating_khong_hai_long,Đánh giá “Không hài lòng”,1",
                "from,Từ ngày,2026-11-24");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("BÁO CÁO TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ", "Từ ngày 24/11/2026 đến ngày 30/11/2026",
                    "Giải quyết quá hạn", "66,7 %", "50,0 %", "Đánh giá “Không hài lòng”", "Không hài lòng (1)")
                    .doesNotContain("66.7", "Mức đánh giá");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> counter.reports().report(DAY, DAY.minusDays(1)))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("report.bad_period"));
    }

    /**
     * The first dossier is resolved on the day of reception (on time), its result attached and returned with the
     * lowest rating; the second is resolved on Monday 30/11 (its appointment was Friday 27/11): late, no result yet.
     */
    private void resolveOneOnTimeOneLate() {
        var first = received.get(0).dossier().code();
        counter.lifecycle().process(first, "", counter.profile());
        counter.lifecycle().resolve(first, "", counter.profile());
        var page = counter.reception().storePage(vn.motcua.counter.TestImages.png("Giấy xác nhận"),
                vn.motcua.counter.domain.Page.PageSource.SCANNED);
        counter.lifecycle().attachResult(first, "Giấy xác nhận tình trạng hôn nhân", List.of(page), counter.profile());
        counter.lifecycle().returnResult(first, 3, counter.profile());
        counter.close();
        counter = TestCounter.open(data, java.time.Clock.fixed(java.time.LocalDateTime.of(2026, 11, 30, 9, 0)
                .atZone(SaveLoopClock.VIETNAM).toInstant(), SaveLoopClock.VIETNAM));
        var second = received.get(1).dossier().code();
        counter.lifecycle().process(second, "", counter.profile());
        counter.lifecycle().resolve(second, "", counter.profile());
    }
}
