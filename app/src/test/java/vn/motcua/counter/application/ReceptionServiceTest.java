package vn.motcua.counter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Status;

class ReceptionServiceTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    // Monday 2026-11-23 09:30: three working days later is Thursday 2026-11-26 09:30.
    private static final Clock MONDAY = Clock.fixed(LocalDateTime.of(2026, 11, 23, 9, 30).atZone(VIETNAM).toInstant(), VIETNAM);

    @TempDir
    Path data;

    @Test
    void receivesADossierWithItsPagesReceiptAndHistory() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            Receipt receipt = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());

            Dossier saved = counter.dossiers().dossier(receipt.dossier().code()).orElseThrow();
            assertThat(saved.code().value()).isEqualTo("000.00.00.H26-261123-0001");
            assertThat(saved.status()).isEqualTo(Status.RECEIVED);
            assertThat(saved.applicant().fullName()).isEqualTo(TestCounter.APPLICANT_NAME);
            assertThat(saved.appointmentAt()).isEqualTo(LocalDateTime.of(2026, 11, 26, 9, 30));
            assertThat(saved.documents()).hasSize(2).allSatisfy(d -> assertThat(d.pages()).hasSize(1));
            saved.documents().forEach(d -> assertThat(counter.contents().verify(d.pages().getFirst().contentId())).isTrue());
            assertThat(counter.dossiers().history(saved.code()))
                    .singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("RECEIVED"));

            byte[] pdf = counter.contents().read(receipt.pdfContentId());
            java.nio.file.Files.write(Path.of("target", "receipt-sample.pdf"), pdf); // kept for looking at
            String text = pdfText(pdf);
            assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "000.00.00.H26-261123-0001",
                    "Nguyễn Thị Hồng Nhung", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
                    "09 giờ 30 phút, ngày 26/11/2026");
        }
    }

    /**
     * The receipt, the history and the control slip's hand-over name the clerk signed in, not the {@code clerk.name}
     * setting (which only stands in on a data folder without accounts yet).
     */
    @Test
    void theReceiptAndTheHandoverNameTheClerkSignedIn() throws Exception {
        String setting = "Trần Văn Bình";   // TestCounter's clerk.name
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            Receipt before = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
            assertThat(pdfText(counter.contents().read(before.pdfContentId()))).contains(setting);

            counter.accounts().createFirstAdministrator("Lê Thị Thu Hà", null, "mat-khau-quan-tri".toCharArray());
            Receipt receipt = counter.reception().receive(TestCounter.request(counter, 2), counter.profile());
            String text = pdfText(counter.contents().read(receipt.pdfContentId()));
            String signature = text.substring(text.indexOf("NGƯỜI TIẾP NHẬN HỒ SƠ"));
            assertThat(signature).contains("Lê Thị Thu Hà").doesNotContain(setting);
            assertThat(text).doesNotContain(setting);
            DossierCode code = receipt.dossier().code();
            assertThat(counter.dossiers().dossier(code).orElseThrow().receivedBy()).isEqualTo("Lê Thị Thu Hà");

            counter.lifecycle().process(code, "", counter.profile());
            String slip = pdfText(counter.contents().read(counter.lifecycle().controlSlip(code, counter.profile())
                    .contentId()));
            String handover = slip.substring(slip.indexOf("Chuyển giải quyết") - 80, slip.indexOf("Chuyển giải quyết"));
            assertThat(handover).contains("Lê Thị Thu Hà");
            assertThat(slip).doesNotContain(setting);
            assertThat(counter.dossiers().history(code)).extracting(e -> e.actor()).containsOnly("Lê Thị Thu Hà");
        }
    }

    @Test
    void theReceiptListsOnlyThePapersHandedIn() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            var procedure = counter.catalogue().procedure("1.004873").orElseThrow();
            var components = procedure.components();
            var page = counter.reception().storePage(vn.motcua.counter.TestImages.png("Tờ khai"),
                    vn.motcua.counter.domain.Page.PageSource.SCANNED);
            // the form sends every component of the procedure; only the second was handed in
            var documents = components.stream().map(c -> new vn.motcua.counter.domain.Document(c,
                    c == components.get(1) ? List.of(page) : List.of())).toList();
            Receipt receipt = counter.reception().receive(new ReceptionRequest(TestCounter.applicant(), procedure,
                    procedure.processingTime(), documents), counter.profile());

            String text = pdfText(counter.contents().read(receipt.pdfContentId()));
            String rows = text.substring(text.indexOf("Số trang"), text.indexOf("2. Số lượng hồ sơ"))
                    .replaceAll("\\s+", " ");
            assertThat(rows).startsWith("Số trang 1 Trường hợp đã có vợ/chồng")
                    .doesNotContain("Tờ khai cấp Giấy xác nhận", "Văn bản ủy quyền", "Công dân Việt Nam đã ly hôn")
                    .doesNotContain(" 2 ");
        }
    }

    @Test
    void countsTheDaysOffOfTheYearlyOverrideFile() throws Exception {
        // IT staff add a day off without a new release, e.g. if Vietnamese Culture Day (24/11) becomes a holiday.
        java.nio.file.Files.writeString(data.resolve("holidays.txt"),
                "2026-11-24;HOLIDAY;Ngày Văn hóa Việt Nam;giả định cho kiểm thử\n");
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            Receipt receipt = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
            assertThat(receipt.dossier().appointmentAt()).isEqualTo(LocalDateTime.of(2026, 11, 27, 9, 30));
        }
    }

    @Test
    void numbersDossiersOfOneDayInSequence() {
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            List<String> codes = List.of(1, 2, 3).stream()
                    .map(i -> counter.reception().receive(TestCounter.request(counter, i), counter.profile()))
                    .map(r -> r.dossier().code().value())
                    .toList();
            assertThat(codes).containsExactly("000.00.00.H26-261123-0001", "000.00.00.H26-261123-0002",
                    "000.00.00.H26-261123-0003");
            assertThat(counter.dossiers().receivedOn(MONDAY.instant().atZone(VIETNAM).toLocalDate())).hasSize(3);
        }
    }

    @Test
    void refusesADossierWithoutPages() {
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            var full = TestCounter.request(counter, 1);
            var empty = new ReceptionRequest(full.applicant(), full.procedure(), full.processingTime(),
                    full.documents().stream().map(d -> new vn.motcua.counter.domain.Document(d.component(), List.of())).toList());
            assertThatThrownBy(() -> counter.reception().receive(empty, counter.profile()))
                    .isInstanceOf(CounterException.class)
                    .satisfies(e -> assertThat(((CounterException) e).messageKey()).isEqualTo("reception.no_pages"));
            assertThat(counter.dossiers().receivedOn(MONDAY.instant().atZone(VIETNAM).toLocalDate())).isEmpty();
        }
    }

    @Test
    void loadsTheSampleCatalogueOnFirstStartOnly() {
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            assertThat(counter.catalogue().procedures()).hasSize(13);
            assertThat(counter.catalogue().procedure("1.004873").orElseThrow().processingTime().workingDays()).isEqualTo(3);
            assertThat(counter.catalogue().procedure("1.001193").orElseThrow().processingTime().sameDay()).isTrue();
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
