package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.bootstrap.CounterWiring;

/** {@code calendar due} and the receipt date an appointment with the same calendar: holidays, office hours, cutoffs. */
class CalendarDueAndReceiptTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path data;

    @AfterEach
    void clearSettings() {
        System.clearProperty("motcua.office.hours");
        System.clearProperty("motcua.office.cutoff");
    }

    @Test
    void aReceptionLateOnFridayIsDueInOfficeHoursOnBothFaces() throws Exception {
        LocalDateTime received = LocalDateTime.of(2026, 12, 4, 22, 47);
        Receipt receipt = receiveAt(received);
        assertThat(receipt.dossier().appointmentAt()).isEqualTo(LocalDateTime.of(2026, 12, 10, 7, 30));
        assertThat(CliRun.motcua(data, "calendar", "due", "--received", "2026-12-04T22:47", "--working-days", "3")
                .out().strip()).isEqualTo("2026-12-10T07:30");
    }

    @Test
    void theConfiguredOfficeHoursAndCutoffApplyToBoth() throws Exception {
        System.setProperty("motcua.office.hours", "07:00-11:30,13:30-17:00");
        System.setProperty("motcua.office.cutoff", "16:00");
        LocalDateTime received = LocalDateTime.of(2026, 12, 7, 16, 30); // Monday, after the 16:00 cutoff
        Receipt receipt = receiveAt(received);
        assertThat(receipt.dossier().appointmentAt()).isEqualTo(LocalDateTime.of(2026, 12, 11, 7, 0));
        assertThat(receiptText(receipt)).contains("07 giờ 00 phút, ngày 11/12/2026");
        assertThat(CliRun.motcua(data, "calendar", "due", "--received", "2026-12-07T16:30", "--working-days", "3")
                .out().strip()).isEqualTo("2026-12-11T07:00");
    }

    @Test
    void wrongOfficeHoursAreNamedWithTheirSetting() {
        System.setProperty("motcua.office.hours", "7h30-17h");
        CliRun run = CliRun.motcua(data, "calendar", "due", "--received", "2026-12-07T09:00", "--working-days", "3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("office.hours=7h30-17h").doesNotContain("Exception");
    }

    private Receipt receiveAt(LocalDateTime received) {
        Clock clock = Clock.fixed(received.atZone(VIETNAM).toInstant(), VIETNAM);
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            Receipt receipt = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
            assertThat(receipt.dossier().processingTime().workingDays()).isEqualTo(3);
            return receipt;
        }
    }

    private String receiptText(Receipt receipt) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(vn.motcua.counter.TestCounter.stored(data, receipt.pdfContentId()))) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
