package vn.motcua.counter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.access.AccessDenied;
import vn.motcua.counter.application.access.Account;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.access.Role;
import vn.motcua.counter.i18n.Messages;

/**
 * An account's display name (decision 1301, V19) is the clerk's full name on papers and in the history; the sign-in
 * name stays who acts in the audit log. Checked by the service: not blank, one line, at most 80 characters; only an
 * IT admin changes it, and what was printed before keeps the name it had.
 */
class DisplayNameTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Clock MONDAY = Clock.fixed(LocalDateTime.of(2026, 11, 23, 9, 30).atZone(VIETNAM).toInstant(),
            VIETNAM);
    private static final char[] ADMIN = "quan-tri-vien-1".toCharArray();
    private static final char[] FIRST = "mat-khau-tam-thoi".toCharArray();
    private static final char[] OWN = "mat-khau-cua-binh".toCharArray();

    @TempDir
    Path data;

    @Test
    void papersAndTheHistoryNameTheClerkTheAuditLogTheAccount() throws Exception {
        DossierCode before;
        DossierCode after;
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            var accounts = counter.accounts();
            Account admin = accounts.createFirstAdministrator("quantri", "  Nguyễn   Văn Quản ", ADMIN);
            assertThat(admin.displayName()).as("spaces tidied").isEqualTo("Nguyễn Văn Quản");
            accounts.add("binh", "Lê Thị Thu Hà", Role.CLERK, FIRST);
            accounts.add("lan", null, Role.CLERK, FIRST);   // none given: the sign-in name is printed
            assertThat(accounts.list()).extracting(Account::name, Account::displayName).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("binh", "Lê Thị Thu Hà"),
                    org.assertj.core.groups.Tuple.tuple("lan", null),
                    org.assertj.core.groups.Tuple.tuple("quantri", "Nguyễn Văn Quản"));

            accounts.signIn("binh", FIRST);
            accounts.changePassword(FIRST, OWN);
            assertThat(accounts.session().account().orElseThrow().displayName()).as("kept across the new password")
                    .isEqualTo("Lê Thị Thu Hà");
            before = receiveAndProcess(counter);
            String receipt = ReceptionServiceTest.pdfText(counter.lifecycle().receipt(before));
            assertThat(receipt.substring(receipt.indexOf("NGƯỜI TIẾP NHẬN HỒ SƠ"))).contains("Lê Thị Thu Hà")
                    .doesNotContain("binh");
            String slip = ReceptionServiceTest.pdfText(counter.contents().read(
                    counter.lifecycle().controlSlip(before, counter.profile()).contentId()));
            assertThat(slip).contains("Lê Thị Thu Hà");
            assertThat(counter.dossiers().dossier(before).orElseThrow().receivedBy()).isEqualTo("Lê Thị Thu Hà");
            assertThat(counter.dossiers().history(before)).extracting(e -> e.actor()).containsOnly("Lê Thị Thu Hà");

            // only an IT admin renames; the clerk's own attempt is refused by the service
            assertThatThrownBy(() -> accounts.rename("binh", "Ai Đó")).isInstanceOf(AccessDenied.class);
            accounts.signIn("quantri", ADMIN);
            assertThat(accounts.rename("BINH", "Lê Thị Thu Hằng").displayName()).isEqualTo("Lê Thị Thu Hằng");
            accounts.rename("quantri", "Nguyễn Văn Quân");   // the account signed in prints its new name at once
            assertThat(counter.accounts().session().nameOr("clerk.name")).isEqualTo("Nguyễn Văn Quân");
            assertThatThrownBy(() -> accounts.rename("khong-co", "Ai Đó")).isInstanceOf(CounterException.class)
                    .extracting(e -> ((CounterException) e).messageKey()).isEqualTo("access.unknown");

            accounts.signIn("binh", OWN);
            after = receiveAndProcess(counter);
            assertThat(counter.dossiers().dossier(after).orElseThrow().receivedBy()).isEqualTo("Lê Thị Thu Hằng");
            assertThat(counter.dossiers().dossier(before).orElseThrow().receivedBy()).as("printed before: as it was")
                    .isEqualTo("Lê Thị Thu Hà");

            accounts.signIn("lan", FIRST);
            accounts.changePassword(FIRST, OWN);
            DossierCode byLan = receiveAndProcess(counter);
            assertThat(counter.dossiers().dossier(byLan).orElseThrow().receivedBy()).isEqualTo("lan");
        }
        try (Connection db = SqlRows.open(data)) {
            // the audit log's "who" is the account that signed in, never a display name
            assertThat(SqlRows.rows(db, "SELECT DISTINCT actor FROM audit_log WHERE dossier_code = ?", after.value()))
                    .containsExactly(List.of("binh"));
        }
    }

    @Test
    void aBlankTooLongOrMultiLineDisplayNameIsRefusedWithAClearMessage() {
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            var accounts = counter.accounts();
            for (String wrong : List.of("   ", "x".repeat(Account.MAX_DISPLAY_NAME + 1), "Lê\u0000Hà")) {
                assertThatThrownBy(() -> accounts.createFirstAdministrator("quantri", wrong, ADMIN))
                        .isInstanceOf(CounterException.class)
                        .satisfies(e -> assertThat(Messages.of(Locale.forLanguageTag("vi-VN")).describe(e)).isEqualTo(
                                "Họ và tên in trên giấy tờ không được để trống, tối đa 80 ký tự trên một dòng."));
            }
            assertThat(accounts.settingUp()).as("nothing was made").isTrue();
            accounts.createFirstAdministrator("quantri", "x".repeat(Account.MAX_DISPLAY_NAME), ADMIN);
            assertThatThrownBy(() -> accounts.add("binh", "", Role.CLERK, FIRST))
                    .isInstanceOf(CounterException.class)
                    .extracting(e -> ((CounterException) e).messageKey()).isEqualTo("access.bad_display_name");
            assertThatThrownBy(() -> accounts.rename("quantri", " ")).isInstanceOf(CounterException.class)
                    .extracting(e -> ((CounterException) e).messageKey()).isEqualTo("access.bad_display_name");
            assertThatThrownBy(() -> accounts.rename("quantri", null)).isInstanceOf(CounterException.class)
                    .extracting(e -> ((CounterException) e).messageKey()).isEqualTo("access.bad_display_name");
        }
    }

    @Test
    void theProvisioningFileGivesTheFirstAdministratorItsDisplayName() {
        Settings settings = Settings.of(Map.of(Settings.DATA_DIR, data.toString(), Settings.AGENCY_CODE,
                TestCounter.AGENCY, Settings.OCR_WORKERS, "0", Settings.ACCESS_ADMIN_NAME, "cntt",
                Settings.ACCESS_ADMIN_DISPLAY_NAME, "Đỗ Minh Đức", Settings.ACCESS_ADMIN_PASSWORD, "mot-lan-duy-nhat"));
        try (CounterWiring counter = CounterWiring.open(settings, MONDAY)) {
            Account admin = counter.accounts().signIn("cntt", "mot-lan-duy-nhat".toCharArray());
            assertThat(admin.displayName()).isEqualTo("Đỗ Minh Đức");
            assertThat(admin.mustChangePassword()).isTrue();
        }
    }

    private static DossierCode receiveAndProcess(CounterWiring counter) {
        DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier()
                .code();
        counter.lifecycle().process(code, "", counter.profile());
        return code;
    }
}
