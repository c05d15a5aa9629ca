package vn.motcua.counter.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.DossierList;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.access.Permission;
import vn.motcua.counter.domain.access.Role;
import vn.motcua.counter.i18n.Messages;

/**
 * The services themselves refuse by role (decision 1301), whatever face calls them: a real counter on a temporary
 * folder, with a clerk, a supervisor and the IT admin signed in in turn.
 */
class AccessByRoleTest {

    private static final char[] ADMIN_PASSWORD = "quan-tri-vien-1".toCharArray();
    private static final char[] FIRST = "mat-khau-tam-thoi".toCharArray();

    @TempDir
    Path data;
    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
    private CounterWiring counter;
    private AccountService accounts;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, clock);
        accounts = counter.accounts();
        assertThat(accounts.settingUp()).isTrue();
        accounts.createFirstAdministrator("quantri", null, ADMIN_PASSWORD);
        accounts.add("binh", null, Role.CLERK, FIRST);
        accounts.add("lan", null, Role.SUPERVISOR, FIRST);
        accounts.signOut();
    }

    @AfterEach
    void close() {
        counter.close();
    }

    private void signInAs(String name) {
        accounts.signIn(name, FIRST);
        accounts.changePassword(FIRST, (name + "-rieng-tu").toCharArray());
    }

    @Test
    void aClerkReceivesAndSearchesButIsRefusedSupervisorAndAdminWork() throws Exception {
        signInAs("binh");
        Receipt receipt = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        assertThat(counter.lists().list(DossierList.TODAY)).hasSize(1);
        assertThat(counter.lifecycle().dossier(receipt.dossier().code()).code()).isEqualTo(receipt.dossier().code());

        assertThatThrownBy(() -> counter.reports().report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.permission()).isEqualTo(Permission.REPORTS));
        assertThatThrownBy(() -> counter.lifecycle().stop(receipt.dossier().code(), "Sai", counter.profile()))
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.permission()).isEqualTo(Permission.CORRECT));
        assertThatThrownBy(() -> counter.lifecycle().trackingBook(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), counter.profile())).isInstanceOf(AccessDenied.class);
        Path catalogue = Files.writeString(data.resolve("catalogue.json"), "[]");
        assertThatThrownBy(() -> counter.catalogueImports().importProcedures(catalogue))
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.permission()).isEqualTo(Permission.CATALOGUE));
        assertThatThrownBy(() -> accounts.add("khach", null, Role.IT_ADMIN, FIRST))
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.permission()).isEqualTo(Permission.ACCOUNTS));
        assertThatThrownBy(() -> counter.audit().verify())
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.permission()).isEqualTo(Permission.AUDIT));
    }

    @Test
    void aSupervisorReadsReportsAndCorrectsButManagesNoAccounts() throws Exception {
        signInAs("binh");
        Receipt receipt = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        accounts.signOut();
        signInAs("lan");
        assertThat(counter.reports().report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)).figures())
                .isNotEmpty();
        counter.lifecycle().stop(receipt.dossier().code(), "Công dân rút hồ sơ", counter.profile());
        assertThat(counter.audit().verify().problems()).isEmpty();
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AccessDenied.class);
    }

    @Test
    void nobodySignedInMayDoAnythingOnceAccountsExist() {
        assertThatThrownBy(() -> counter.lists().search("Nguyễn"))
                .isInstanceOf(AccessDenied.class).extracting(e -> ((CounterException) e).messageKey())
                .isEqualTo("access.sign_in_required");
        assertThatThrownBy(() -> counter.reception().storePage(new byte[] {1}, null))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void anAccountWhosePasswordWasSetBySomeoneElseMustChangeItFirst() {
        accounts.signIn("binh", FIRST);
        assertThatThrownBy(() -> counter.lists().search("Nguyễn")).isInstanceOf(CounterException.class)
                .extracting(e -> ((CounterException) e).messageKey()).isEqualTo("access.password_change_required");
        assertThatThrownBy(() -> accounts.changePassword(FIRST, FIRST)).isInstanceOf(CounterException.class);
        accounts.changePassword(FIRST, "binh-moi-doi-mk".toCharArray());
        assertThat(counter.lists().search("Nguyễn")).isEmpty();
    }

    @Test
    void theRefusalSaysWhoWhatAndWhichRoleInTheClerksLanguage() {
        signInAs("binh");
        AccessDenied denied = null;
        try {
            counter.reports().report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        } catch (AccessDenied e) {
            denied = e;
        }
        assertThat(denied).isNotNull();
        assertThat(Messages.of(Locale.forLanguageTag("vi-VN")).describe(denied))
                .isEqualTo("Tài khoản binh không được phép xem báo cáo và sổ theo dõi: việc này cần quyền "
                        + "lãnh đạo bộ phận một cửa.");
        assertThat(Messages.of(Locale.ENGLISH).describe(denied))
                .isEqualTo("Account binh may not read reports and the tracking book: this needs the role supervisor.");
    }

    @Test
    void theFirstAdministratorIsMadeOnlyOnce() {
        assertThatThrownBy(() -> accounts.createFirstAdministrator("khac", null, "mot-mat-khau-khac".toCharArray()))
                .isInstanceOf(CounterException.class).extracting(e -> ((CounterException) e).messageKey())
                .isEqualTo("access.first_exists");
        accounts.signIn("quantri", ADMIN_PASSWORD);
        assertThat(accounts.list()).extracting(Account::name, Account::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("binh", Role.CLERK),
                org.assertj.core.groups.Tuple.tuple("lan", Role.SUPERVISOR),
                org.assertj.core.groups.Tuple.tuple("quantri", Role.IT_ADMIN));
        assertThatThrownBy(() -> accounts.add("BINH", null, Role.CLERK, FIRST)).isInstanceOf(CounterException.class)
                .extracting(e -> ((CounterException) e).messageKey()).isEqualTo("access.name_taken");
    }
}
