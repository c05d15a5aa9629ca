package vn.motcua.counter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.application.port.LifecycleStep;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.lifecycle.SupplementItem;
import vn.motcua.counter.domain.lifecycle.SupplementItem.CopyKind;

/**
 * A dossier's whole life on a real counter (SQLite file, content store, PDFBox): every step checked in the database
 * and in the text of the form it produced. The PDFs are also written to {@code target/forms} to be looked at.
 */
class LifecycleServiceTest {

    private static final String CLERK = "Trần Văn Bình";

    @TempDir
    Path data;

    // Monday 2026-11-23 09:30; the appointment is Thursday 2026-11-26 09:30.
    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
    private CounterWiring counter;
    private LifecycleService lifecycle;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, clock);
        lifecycle = counter.lifecycle();
    }

    @AfterEach
    void close() {
        counter.close();
    }

    private DossierCode receive() {
        return counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
    }

    @Test
    void aDossierGoesFromSupplementToReturnWithARating() throws Exception {
        DossierCode code = receive();

        clock.set(LocalDateTime.of(2026, 11, 23, 14, 0));
        IssuedForm supplement = lifecycle.requestSupplement(code,
                List.of(new SupplementItem("Giấy khai sinh của người yêu cầu", 1, CopyKind.CERTIFIED_COPY),
                        new SupplementItem("Sổ hộ khẩu", 2, CopyKind.PHOTOCOPY)),
                "Tờ khai thiếu chữ ký; cần bản chứng thực giấy khai sinh.", counter.profile());
        assertThat(supplement.number()).isEqualTo("1/HDHS");
        assertThat(pdfText(supplement, "02-yeu-cau-bo-sung")).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                "Số: 1/HDHS", code.value(), TestCounter.APPLICANT_NAME, "Giấy khai sinh của người yêu cầu",
                "Bản chứng thực", "Bản photo", "Tờ khai thiếu chữ ký", "NGƯỜI HƯỚNG DẪN", CLERK,
                "ngày 23 tháng 11 năm 2026");

        clock.set(LocalDateTime.of(2026, 11, 25, 8, 0));
        lifecycle.process(code, "Đã bổ sung giấy khai sinh", counter.profile());
        clock.set(LocalDateTime.of(2026, 11, 26, 8, 0));
        IssuedForm apology = lifecycle.apologise(code, LocalDateTime.of(2026, 11, 30, 15, 0),
                "Chờ xác minh thông tin cư trú.", counter.profile());
        assertThat(pdfText(apology, "04-xin-loi")).contains("Mẫu số 04", "XIN LỖI", "15 giờ 00 phút, ngày 30/11/2026",
                "09 giờ 30 phút, ngày 26/11/2026", "Chờ xác minh thông tin cư trú.");

        clock.set(LocalDateTime.of(2026, 11, 27, 10, 0));
        lifecycle.resolve(code, null, counter.profile());
        Page result = counter.reception().storePage(TestImages.png("Giấy xác nhận tình trạng hôn nhân"),
                Page.PageSource.IMPORTED);
        lifecycle.attachResult(code, "Giấy xác nhận tình trạng hôn nhân", List.of(result), counter.profile());
        clock.set(LocalDateTime.of(2026, 11, 27, 15, 30));
        lifecycle.returnResult(code, 1, counter.profile());

        try (Connection db = SqlRows.open(data)) {
            assertThat(row(db, "SELECT status, returned_at, rating_level, rating_label, rating_scale, "
                    + "extended_appointment_at FROM dossiers WHERE code = ?", code.value()))
                    .containsExactly("10", "2026-11-27T15:30", "1", "Hài lòng", "3", "2026-11-30T15:00");
            // reasons are sealed in the file (V17, decision 1201): read as the store reads them
            assertThat(SqlRows.rows(db, "SELECT e.kind, e.actor, e.from_status, e.to_status, e.reason FROM dossier_events e "
                    + "JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = ? ORDER BY e.id", code.value()).stream()
                    .map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3),
                            TestCounter.opened(data, "dossier_events.reason", r.get(4))))
                    .toList())
                    .containsExactly(
                            List.of("RECEIVED", CLERK, "", "", ""),
                            List.of("SUPPLEMENT_REQUESTED", CLERK, "2", "5",
                                    "Tờ khai thiếu chữ ký; cần bản chứng thực giấy khai sinh."),
                            List.of("PROCESSING", CLERK, "5", "4", "Đã bổ sung giấy khai sinh"),
                            List.of("APOLOGY", CLERK, "4", "4", "Chờ xác minh thông tin cư trú."),
                            List.of("RESOLVED", CLERK, "4", "9", ""),
                            List.of("RESULT_ATTACHED", CLERK, "", "", ""),
                            List.of("RETURNED", CLERK, "9", "10", ""));
            assertThat(SqlRows.rows(db, "SELECT form, number FROM issued_forms ORDER BY id", null))
                    .containsExactly(List.of("SUPPLEMENT_REQUEST", "1/HDHS"), List.of("APOLOGY", ""));
        }

        String slip = pdfText(lifecycle.controlSlip(code, counter.profile()), "06-phieu-kiem-soat");
        assertThat(slip).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", code.value(),
                "Bộ phận chuyên môn giải quyết", "Hồ sơ đã bổ sung", "Trả kết quả cho công dân",
                "Quá hạn (có kết quả lúc 10:00 27/11/2026)");
    }

    @Test
    void illegalAndStaleStepsAreRefusedAndLeaveNoTrace() throws Exception {
        DossierCode code = receive();
        assertThatThrownBy(() -> lifecycle.returnResult(code, 1, counter.profile()))
                .isInstanceOf(CounterException.class).hasMessageStartingWith("lifecycle.no_result");
        assertThatThrownBy(() -> lifecycle.requestSupplement(code, List.of(), "x", counter.profile()))
                .hasMessageStartingWith("lifecycle.supplement_empty");
        assertThatThrownBy(() -> lifecycle.stop(code, "  ", counter.profile()))
                .hasMessageStartingWith("lifecycle.reason_missing");
        String stop = pdfText(lifecycle.stop(code, "Công dân đề nghị dừng giải quyết.", counter.profile()),
                "05-dung-giai-quyet");
        assertThat(stop).contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Công dân đề nghị dừng giải quyết.",
                "THỦ TRƯỞNG CƠ QUAN", code.value());
        // stopped before any result: the control slip ends with that status, not as still being resolved
        assertThat(pdfText(lifecycle.controlSlip(code, counter.profile()), "06-dung")).contains(
                "Kết quả giải quyết hồ sơ: Dừng xử lý").doesNotContain("Đang giải quyết");
        assertThatThrownBy(() -> lifecycle.process(code, null, counter.profile()))
                .isInstanceOf(CounterException.class).hasMessageStartingWith("lifecycle.illegal");
        // A step decided on a screen that still showed "received" must not apply.
        assertThatThrownBy(() -> counter.dossiers().record(code, LifecycleStep.of("PROCESSING",
                LocalDateTime.now(clock), CLERK, Status.RECEIVED, Status.PROCESSING, null)))
                .hasMessageStartingWith("lifecycle.changed");
        assertThat(counter.dossiers().history(code)).extracting(e -> e.kind()).containsExactly("RECEIVED", "STOPPED");
        assertThat(lifecycle.dossier(code).status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void aRefusalStopsAReceivedDossierAndTheBookListsThePeriod() throws Exception {
        DossierCode refused = receive();
        DossierCode other = receive();
        String refusal = pdfText(lifecycle.refuse(refused, "Không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã.",
                counter.profile()), "03-tu-choi");
        assertThat(refusal).contains("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", "Không thuộc thẩm quyền",
                refused.value(), "Hồ sơ của Ông/Bà");
        assertThat(lifecycle.dossier(refused).status()).isEqualTo(Status.STOPPED);
        assertThat(counter.dossiers().history(refused).getLast().kind()).isEqualTo("REFUSED");

        clock.set(LocalDateTime.of(2026, 11, 24, 9, 0));
        DossierCode nextDay = receive();
        String book = pdfText(lifecycle.trackingBook(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23),
                counter.profile()), "07-so-theo-doi");
        assertThat(book).contains("SỔ THEO DÕI HỒ SƠ", "Từ ngày 23/11/2026 đến ngày 23/11/2026 - 2 hồ sơ",
                refused.value(), other.value(), "Dừng xử lý", "Được tiếp nhận").doesNotContain(nextDay.value());
    }

    private String pdfText(IssuedForm form, String name) throws Exception {
        byte[] pdf = lifecycle.pdf(form);
        Files.createDirectories(Path.of("target", "forms"));
        Files.write(Path.of("target", "forms", name + ".pdf"), pdf); // kept for looking at
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Table cells wrap; one space between words keeps the assertions about words, not layout.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<String> row(Connection db, String sql, String code) throws Exception {
        return SqlRows.rows(db, sql, code).getFirst();
    }
}
