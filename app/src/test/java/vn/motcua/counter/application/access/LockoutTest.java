package vn.motcua.counter.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;

/**
 * Wrong passwords lock an account for a time that doubles, on the counter's clock (moved, never slept), and the lock
 * survives closing and opening the counter again; a right password during the lock is refused too.
 */
class LockoutTest {

    private static final char[] RIGHT = "dung-mat-khau-roi".toCharArray();
    private static final char[] WRONG = "sai-mat-khau-nhe".toCharArray();

    @TempDir
    Path data;
    @TempDir
    Path otherData;
    private final LocalDateTime start = LocalDateTime.of(2026, 12, 5, 8, 0);
    private final MovableClock clock = new MovableClock(start);

    private static String refusal(Runnable work) {
        try {
            work.run();
        } catch (CounterException e) {
            return e.messageKey() + (e.messageKey().equals("access.locked_out") ? " " + e.arguments()[1] : "");
        }
        return "signed in";
    }

    @Test
    void theDelayGrowsAndARestartDoesNotLiftIt() {
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            counter.accounts().createFirstAdministrator("quantri", null, RIGHT);
            AccountService accounts = counter.accounts();
            for (int i = 1; i <= 4; i++) {
                assertThat(refusal(() -> accounts.signIn("quantri", WRONG))).isEqualTo("access.wrong_password");
            }
            assertThat(refusal(() -> accounts.signIn("quantri", WRONG))).isEqualTo("access.locked_out 30");
            clock.set(start.plusSeconds(20));
            assertThat(refusal(() -> accounts.signIn("quantri", RIGHT))).as("right, but locked")
                    .isEqualTo("access.locked_out 10");
            assertThat(refusal(() -> accounts.signIn("QUANTRI", WRONG))).as("a guess during the lock is not counted")
                    .isEqualTo("access.locked_out 10");
            clock.set(start.plusSeconds(31));
            assertThat(refusal(() -> accounts.signIn("quantri", WRONG))).isEqualTo("access.locked_out 60");
        }
        try (CounterWiring again = TestCounter.open(data, clock)) {   // a restart
            clock.set(start.plusSeconds(31 + 59));
            assertThat(again.accounts().lockedUntil("quantri")).isPresent();
            assertThat(refusal(() -> again.accounts().signIn("quantri", RIGHT))).isEqualTo("access.locked_out 1");
            clock.set(start.plusSeconds(31 + 60));
            assertThat(refusal(() -> again.accounts().signIn("quantri", WRONG))).as("7th in a row")
                    .isEqualTo("access.locked_out 120");
            clock.set(start.plusSeconds(31 + 60 + 120));
            assertThat(refusal(() -> again.accounts().signIn("quantri", RIGHT))).isEqualTo("signed in");
            assertThat(again.accounts().lockedUntil("quantri")).isEmpty();
            assertThat(refusal(() -> again.accounts().signIn("quantri", WRONG))).as("the count started again")
                    .isEqualTo("access.wrong_password");
        }
    }

    @Test
    void anUnknownNameIsTheSameWrongAnswerAndLocksNothing() {
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            counter.accounts().createFirstAdministrator("quantri", null, RIGHT);
            for (int i = 0; i < 8; i++) {
                assertThat(refusal(() -> counter.accounts().signIn("khong-co", WRONG)))
                        .isEqualTo("access.wrong_password");
            }
            assertThat(refusal(() -> counter.accounts().signIn("quantri", RIGHT))).isEqualTo("signed in");
        }
    }

    @Test
    void theProvisioningFileMakesTheFirstAdministratorWithAOneTimePasswordOrAHash() {
        Map<String, String> values = new HashMap<>(Map.of(Settings.DATA_DIR, data.toString(), Settings.OCR_WORKERS, "0",
                Settings.ACCESS_ADMIN_NAME, "cntt", Settings.ACCESS_ADMIN_PASSWORD, "mot-lan-thoi-nhe"));
        try (CounterWiring counter = CounterWiring.open(Settings.of(values), clock)) {
            assertThat(counter.accounts().settingUp()).isFalse();
            Account signedIn = counter.accounts().signIn("cntt", "mot-lan-thoi-nhe".toCharArray());
            assertThat(signedIn.mustChangePassword()).isTrue();
            assertThatThrownBy(() -> counter.lists().search("x")).isInstanceOf(CounterException.class)
                    .extracting(e -> ((CounterException) e).messageKey()).isEqualTo("access.password_change_required");
            counter.accounts().changePassword("mot-lan-thoi-nhe".toCharArray(), RIGHT);
            assertThat(counter.lists().search("x")).isEmpty();
        }
        values.put(Settings.ACCESS_ADMIN_NAME, "nguoi-khac");   // once an account exists, the file changes nothing
        try (CounterWiring counter = CounterWiring.open(Settings.of(values), clock)) {
            counter.accounts().signIn("cntt", RIGHT);
            assertThat(counter.accounts().list()).extracting(Account::name).containsExactly("cntt");
        }
        Path other = otherData;
        String hash = new vn.motcua.counter.adapters.protection.Argon2idPasswords().hash(RIGHT);
        try (CounterWiring counter = CounterWiring.open(Settings.of(Map.of(Settings.DATA_DIR, other.toString(),
                Settings.OCR_WORKERS, "0", Settings.ACCESS_ADMIN_NAME, "cntt", Settings.ACCESS_ADMIN_PASSWORD, hash)),
                clock)) {
            assertThat(counter.accounts().signIn("cntt", RIGHT).mustChangePassword()).isFalse();
        }
    }

    @Test
    void theIdleLockComesFromTheSettings() {
        try (CounterWiring counter = CounterWiring.open(Settings.of(Map.of(Settings.DATA_DIR, data.toString(),
                Settings.OCR_WORKERS, "0", Settings.ACCESS_IDLE_LOCK_MINUTES, "3")), clock)) {
            assertThat(counter.accounts().idleLock()).isEqualTo(Duration.ofMinutes(3));
        }
    }
}
