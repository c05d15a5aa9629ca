package vn.motcua.counter.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.DossierList;
import vn.motcua.counter.application.DossierLists;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;
import vn.motcua.counter.domain.identity.PassportNumber;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.TaxCode;

/** Search and the working lists on a real counter's SQLite file. */
class DossierSearchTest {

    @TempDir
    Path data;

    private CounterWiring counter;
    private Receipt nhung;
    private Receipt dang;

    @BeforeEach
    void receiveTwo() throws Exception {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        nhung = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        dang = receiveFrom(new Applicant("Đặng Văn Đức", PersonalIdNumber.parse("079085001234"), null, null,
                null, null, null), TestCounter.request(counter, 2));
    }

    @AfterEach
    void close() {
        counter.close();
    }

    private List<String> search(String query) {
        return counter.lists().search(query).stream().map(DossierSummary::code).toList();
    }

    private String code(Receipt receipt) {
        return receipt.dossier().code().value();
    }

    @Test
    void findsByNameWithoutDiacriticsAndByWordPrefix() {
        assertThat(search("nguyen thi hong nhung")).containsExactly(code(nhung));
        assertThat(search("NHUNG")).containsExactly(code(nhung));
        assertThat(search("dang van duc")).containsExactly(code(dang)); // Đ has no Unicode decomposition
        assertThat(search("Đặng Đ")).containsExactly(code(dang));
        assertThat(search("nguyen duc")).isEmpty();
    }

    @Test
    void findsByTheFirstLettersOfNamesAsTheyAreTyped() {
        assertThat(search("n")).containsExactly(code(nhung));
        assertThat(search("d")).containsExactly(code(dang));
        assertThat(search("ng t h")).containsExactly(code(nhung));
        assertThat(search("Đ V Đ")).containsExactly(code(dang));
        assertThat(search("ng d")).isEmpty();
    }

    @Test
    void showsTheLatestReceivedFirstWhicheverIndexFoundThem() throws Exception {
        for (Receipt receipt : List.of(nhung, dang)) {
            counter.dossierQueries().indexPageText(receipt.dossier().documents().getFirst().pages().getFirst()
                    .contentId(), "Hợp đồng thế chấp quyền sử dụng đất");
        }
        receivedAt(nhung, "2026-11-24T15:00:00");
        receivedAt(dang, "2026-11-24T09:00:00");
        assertThat(search("hop dong the chap")).containsExactly(code(nhung), code(dang));

        receivedAt(dang, "2026-11-24T16:00:00");
        assertThat(search("hop dong the chap")).containsExactly(code(dang), code(nhung));
    }

    @Test
    void pageTextShowsTheNewestHitsAndAnotherWordNarrowsToOlderOnes() {
        counter.dossierQueries().indexPageText(nhung.dossier().documents().getFirst().pages().getFirst().contentId(),
                "Hợp đồng thế chấp, số công chứng 4711");
        Map<String, String> newer = new HashMap<>();
        for (int i = 0; i < SqliteDossierQueries.TEXT_PAGES; i++) {   // pages OCR'd later, of dossiers not kept here
            newer.put("%064x".formatted(i), "Hợp đồng thế chấp, số công chứng " + i);
        }
        counter.dossierQueries().indexPageTexts(newer);
        assertThat(search("hop dong the chap")).isEmpty();
        assertThat(search("hop dong the chap 4711")).containsExactly(code(nhung));
    }

    private void receivedAt(Receipt receipt, String at) throws Exception {
        try (Statement st = counter.database().connection().createStatement()) {
            st.executeUpdate("UPDATE dossiers SET received_at = '" + at + "' WHERE code = '" + code(receipt) + "'");
        }
    }

    @Test
    void findsByCodeItsTailAndIdNumber() {
        assertThat(search(code(dang))).containsExactly(code(dang));
        assertThat(search("000.00.00.H26-261124")).containsExactly(code(dang), code(nhung)); // newest first
        assertThat(search("261124-0001")).containsExactly(code(nhung));
        assertThat(search("079085001234")).containsExactly(code(dang));
        assertThat(search("079 085 001 234")).containsExactly(code(dang));
    }

    @Test
    void findsAPassportAndABranchTaxCodeAsTypedOrAsStored() throws Exception {
        ReceptionRequest base = TestCounter.request(counter, 3);
        String foreigner = code(receiveFrom(new Applicant("KIM MIN-JUN",
                PassportNumber.parse("M12345678", "KOR").result().orElseThrow(), null, null, null, null, null), base));
        String branch = code(receiveFrom(new Applicant("Chi nhánh Công ty Cổ phần Minh Phát",
                TaxCode.parse("0100233488-001").result().orElseThrow(), "Trương Thị Mỹ Lệ", null, null, null, null,
                null), base));

        assertThat(search("m1234 5678")).containsExactly(foreigner);
        assertThat(search("0100233488-001")).containsExactly(branch);
        assertThat(search("0100233488001")).containsExactly(branch);
        assertThat(search("0100233488")).isEmpty(); // the main unit received nothing
        assertThat(search("minh phat")).containsExactly(branch);
        assertThat(search("truong thi my le")).containsExactly(branch); // the representative the clerk met
        assertThat(search("t t m")).containsExactly(branch);
    }

    private Receipt receiveFrom(Applicant applicant, ReceptionRequest base) throws Exception {
        return counter.reception().receive(new ReceptionRequest(applicant, base.procedure(), base.processingTime(),
                base.documents()), counter.profile());
    }

    @Test
    void findsByOcrTextAndReindexingReplacesTheOldText() {
        String page = dang.dossier().documents().get(1).pages().getFirst().contentId();
        counter.dossierQueries().indexPageText(page,
                "GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT, số phát hành BĐ 123456, thửa đất số 45");
        assertThat(search("quyen su dung dat")).containsExactly(code(dang));
        assertThat(search("BĐ 123456")).containsExactly(code(dang));
        assertThat(search("thua da")).isEmpty();      // page text matches whole words, names match word prefixes
        assertThat(search("thua dat so")).containsExactly(code(dang));

        counter.dossierQueries().indexPageText(page, "Tờ khai đăng ký kết hôn");
        assertThat(search("quyen su dung dat")).isEmpty();
        assertThat(search("ket hon")).containsExactly(code(dang));
    }

    @Test
    void typedFtsSyntaxIsOnlyText() {
        assertThat(search("(\"nhung*")).containsExactly(code(nhung));
        assertThat(search("nhung OR duc")).isEmpty();  // OR is a word here, not an operator
        assertThat(search("-")).isEmpty();
    }

    @Test
    void listsFollowTheClockAndTheStatus() throws Exception {
        // received Tuesday 24/11/2026 10:00 with 3 working days: appointment Friday 27/11 10:00
        assertThat(lists(LocalDateTime.of(2026, 11, 24, 16, 0), DossierList.TODAY)).hasSize(2);
        assertThat(lists(LocalDateTime.of(2026, 11, 25, 8, 0), DossierList.TODAY)).isEmpty();
        assertThat(lists(LocalDateTime.of(2026, 11, 24, 16, 0), DossierList.DUE_SOON)).isEmpty();
        assertThat(lists(LocalDateTime.of(2026, 11, 26, 9, 0), DossierList.DUE_SOON)).hasSize(2);
        assertThat(lists(LocalDateTime.of(2026, 11, 27, 9, 59), DossierList.OVERDUE)).isEmpty();
        assertThat(lists(LocalDateTime.of(2026, 11, 27, 10, 1), DossierList.OVERDUE)).hasSize(2);

        try (Statement st = counter.database().connection().createStatement()) {
            st.executeUpdate("UPDATE dossiers SET status = 9 WHERE code = '" + code(dang) + "'");
        }
        assertThat(lists(LocalDateTime.of(2026, 11, 30, 8, 0), DossierList.OVERDUE)).extracting(DossierSummary::code)
                .containsExactly(code(nhung));
        assertThat(lists(LocalDateTime.of(2026, 11, 30, 8, 0), DossierList.READY_TO_RETURN))
                .extracting(DossierSummary::code).containsExactly(code(dang));
    }

    private List<DossierSummary> lists(LocalDateTime now, DossierList list) {
        Clock clock = Clock.fixed(now.atZone(SaveLoopClock.VIETNAM).toInstant(), SaveLoopClock.VIETNAM);
        return new DossierLists(counter.dossierQueries(), VietnamHolidayCalendar.bundled(), clock,
                counter.accounts().session()).list(list);
    }

    @Test
    void aDossierFromBeforeTheSearchColumnsIsFoundAfterRestart() throws Exception {
        try (Statement st = counter.database().connection().createStatement()) {
            st.executeUpdate("UPDATE dossiers SET applicant_name_folded = NULL");
            st.executeUpdate("INSERT INTO dossier_names (dossier_names) VALUES ('delete-all')");
        }
        counter.close();
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        assertThat(search("hong nhung")).containsExactly(code(nhung));
    }
}
