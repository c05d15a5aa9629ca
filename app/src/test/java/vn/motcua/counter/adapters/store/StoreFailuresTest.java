package vn.motcua.counter.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;

class StoreFailuresTest {

    @TempDir
    Path data;

    @Test
    void aLockedDatabaseIsReportedAndNothingSavedIsLost() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            Receipt first = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
            var second = TestCounter.request(counter, 2);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
                 Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE"); // another program holds the write lock
                assertThatThrownBy(() -> counter.reception().receive(second, counter.profile()))
                        .isInstanceOf(CounterException.class)
                        .satisfies(e -> assertThat(((CounterException) e).messageKey()).isEqualTo("store.locked"));
                st.execute("ROLLBACK");
            }
            assertThat(counter.dossiers().dossier(first.dossier().code())).isPresent();
            // Once the lock is gone the same request goes through: the pages captured were kept.
            Receipt retried = counter.reception().receive(second, counter.profile());
            assertThat(counter.dossiers().receivedOn(LocalDate.of(2026, 11, 24))).hasSize(2);
            assertThat(retried.dossier().code().sequence()).isGreaterThan(first.dossier().code().sequence());
        }
    }

    @Test
    void aCorruptDatabaseIsReportedAndLeftUntouched() throws Exception {
        Path file = data.resolve(CounterWiring.DATABASE_FILE);
        byte[] garbage = "this is not an SQLite database, but it is somebody's file".repeat(100).getBytes();
        Files.write(file, garbage);
        assertThatThrownBy(() -> TestCounter.open(data, SaveLoopClock.DAY))
                .isInstanceOf(CounterException.class)
                .satisfies(e -> assertThat(((CounterException) e).messageKey()).isEqualTo("store.corrupt"));
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        // The failed start released the folder: once repaired, the counter opens again.
        Files.delete(file);
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            assertThat(counter.catalogue().isEmpty()).isFalse();
        }
    }

    @Test
    void theHistoryCannotBeRewritten() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
             Statement st = db.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE dossier_events SET actor = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM dossier_events"))
                    .hasMessageContaining("append-only");
        }
    }
}
