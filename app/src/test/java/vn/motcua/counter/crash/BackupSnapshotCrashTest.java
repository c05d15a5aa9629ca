package vn.motcua.counter.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.Launcher;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.backup.EncryptedBackup;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.launch.ChildCounter;

/**
 * {@code motcua backup} SIGKILLed while it seals its copy of the database (decision 1203): the unencrypted copy it
 * left in the data folder (and nowhere else) is removed by the next backup, and by the next start of the counter.
 */
class BackupSnapshotCrashTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aCopyLeftByAKilledBackupIsRemovedByTheNextBackupAndTheNextStart() throws Exception {
        Path data = dir.resolve("data");
        try (CounterWiring counter = TestCounter.open(data, new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30)))) {
            counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        }
        try (Connection db = SqlRows.open(data); Statement st = db.createStatement()) {
            // 48 MB: sealing the copy takes long enough for the kill to land while it exists
            st.execute("CREATE TABLE filler (b BLOB)");
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 48) "
                    + "INSERT INTO filler SELECT randomblob(1000000) FROM n");
        }
        ChildCounter child = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp"));
        Path usb = dir.resolve("usb");

        killDuringTheCopy(child, usb, "kill1");
        ChildCounter.Result again = child.run(dir.resolve("again"), "backup", "--to", usb.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(snapshots(data)).as("removed by the next backup, which removed its own").isEmpty();

        killDuringTheCopy(child, usb, "kill2");
        try (CounterWiring counter = TestCounter.open(data, new MovableClock(LocalDateTime.of(2026, 11, 23, 10, 0)))) {
            assertThat(snapshots(data)).as("removed by the next start").isEmpty();
        }
        try (Stream<Path> tmp = Files.walk(dir.resolve("tmp"))) {
            assertThat(tmp.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".db")))
                    .as("no copy of the database outside the data folder").isEmpty();
        }
    }

    /** Starts {@code motcua backup} and SIGKILLs it as soon as its copy of the database appears (bounded tries). */
    private void killDuringTheCopy(ChildCounter child, Path usb, String name) throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            Process backup = child.start(Launcher.class, dir.resolve(name + "-" + attempt), "backup", "--to",
                    usb.toString());
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (backup.isAlive() && System.nanoTime() < end && snapshots(dir.resolve("data")).isEmpty()) {
                Thread.onSpinWait();
            }
            backup.destroyForcibly();   // SIGKILL: no finally block runs
            assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (!snapshots(dir.resolve("data")).isEmpty()) {
                System.out.printf("backup killed with its copy in the data folder (try %d): %s%n", attempt,
                        snapshots(dir.resolve("data")));
                return;
            }
        }
        throw new AssertionError("no kill landed while the backup's copy existed");
    }

    private static List<String> snapshots(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(EncryptedBackup.SNAPSHOT_PREFIX)).toList();
        }
    }
}
