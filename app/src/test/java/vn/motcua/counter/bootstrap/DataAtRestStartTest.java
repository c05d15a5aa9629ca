package vn.motcua.counter.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.adapters.protection.FileCipher;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.i18n.Messages;

/**
 * Decision 1201 at the counter's start: the keyring is opened before the database, a new data folder shows its
 * recovery key once, a start without key protection stores nothing, the recovery key opens a folder whose key file
 * was lost, and the content store is sealed (also what a folder from before encryption held).
 */
class DataAtRestStartTest {

    private static final MovableClock CLOCK = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));

    @TempDir
    Path data;

    @Test
    void withoutKeyProtectionTheCounterRefusesToStartAndStoresNothing() {
        Settings settings = settings(Map.of(Settings.SECURITY_PROTECTION, "passphrase"));   // and no passphrase

        assertThatThrownBy(() -> CounterWiring.open(settings, CLOCK)).isInstanceOfSatisfying(CounterException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("protection.unavailable");
                    assertThat(Messages.of(Settings.VIETNAMESE).describe(e))
                            .startsWith("Không bảo vệ được khóa dữ liệu trên máy này (passphrase:")
                            .contains("không lưu dữ liệu cá nhân khi chưa được mã hóa");
                });
        assertThat(data.resolve(CounterWiring.DATABASE_FILE)).doesNotExist();
        assertThat(data.resolve(CounterWiring.DATABASE_FILE + "-wal")).doesNotExist();
        assertThat(data.resolve(Keyring.FILE)).doesNotExist();
        assertThat(data.resolve(CounterWiring.CONTENT_FOLDER)).doesNotExist();

        // a passphrase too short is refused the same way
        Settings shortOne = settings(Map.of(Settings.SECURITY_PROTECTION, "passphrase",
                Settings.SECURITY_PASSPHRASE, "ngắn"));
        assertThatThrownBy(() -> CounterWiring.open(shortOne, CLOCK)).isInstanceOf(CounterException.class)
                .hasMessageStartingWith("protection.unavailable");
        assertThat(data.resolve(CounterWiring.DATABASE_FILE)).doesNotExist();
    }

    @Test
    void aNewDataFolderShowsItsRecoveryKeyOnceAndItsFilesAreSealed() throws Exception {
        String id;
        String recovery;
        try (CounterWiring counter = TestCounter.open(data, CLOCK)) {
            recovery = counter.newRecoveryKey().orElseThrow();
            assertThat(recovery).matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
            byte[] page = TestImages.png("Nguyễn Thị Hồng Nhung 001190012345");
            id = counter.reception().storePage(page, Page.PageSource.SCANNED).contentId();
            byte[] onDisk = Files.readAllBytes(TestCounter.storedFile(data, id));
            assertThat(FileCipher.isEncrypted(onDisk)).isTrue();
            assertThat(counter.contents().read(id)).isEqualTo(page);
        }
        assertThat(data.resolve(Keyring.FILE)).isRegularFile();
        assertThat(Files.readString(data.resolve(Keyring.FILE), StandardCharsets.ISO_8859_1))
                .doesNotContain(recovery.replace("-", ""));
        try (CounterWiring counter = TestCounter.open(data, CLOCK)) {
            assertThat(counter.newRecoveryKey()).as("shown once: not on the next start").isEmpty();
            assertThat(counter.contents().verify(id)).isTrue();
        }
    }

    @Test
    void theRecoveryKeyOpensAFolderWhoseKeyFileWasLostAndNothingElseDoes() throws Exception {
        DossierCode code;
        String recovery;
        try (CounterWiring counter = TestCounter.open(data, CLOCK)) {
            recovery = counter.newRecoveryKey().orElseThrow();
            code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
        }
        Path keyFile = keyFile();
        byte[] keyBefore = Files.readAllBytes(keyFile);
        Files.delete(keyFile);   // the PC's key file is lost (or the folder was copied to another PC)
        byte[] database = Files.readAllBytes(data.resolve(CounterWiring.DATABASE_FILE));

        assertThatThrownBy(() -> TestCounter.open(data, CLOCK)).isInstanceOfSatisfying(CounterException.class,
                e -> assertThat(e.messageKey()).isEqualTo("protection.locked"));
        assertThat(Files.readAllBytes(data.resolve(CounterWiring.DATABASE_FILE))).as("not opened, not changed")
                .isEqualTo(database);

        String wrong = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH";
        assertThatThrownBy(() -> CounterWiring.open(settings(Map.of(Settings.SECURITY_RECOVERY_KEY, wrong)), CLOCK))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("protection.recovery_wrong"));

        try (CounterWiring counter = CounterWiring.open(settings(Map.of(Settings.SECURITY_RECOVERY_KEY,
                recovery.toLowerCase(java.util.Locale.ROOT))), CLOCK)) {
            assertThat(counter.lifecycle().dossier(code).applicant().fullName()).isEqualTo(TestCounter.APPLICANT_NAME);
        }
        assertThat(keyFile).as("wrapped again with a new key file of this PC").isRegularFile();
        assertThat(Files.readAllBytes(keyFile)).isNotEqualTo(keyBefore);
        try (CounterWiring counter = TestCounter.open(data, CLOCK)) {   // and from now on without the recovery key
            assertThat(counter.lifecycle().dossier(code).applicant().fullName()).isEqualTo(TestCounter.APPLICANT_NAME);
        }
    }

    @Test
    void filesStoredBeforeEncryptionAreSealedAtStartAndStillRead() throws Exception {
        Path files = data.resolve(CounterWiring.CONTENT_FOLDER);
        byte[] old = "Trang cũ: Nguyễn Văn An 079088001234".getBytes(StandardCharsets.UTF_8);
        // a store from before decision 1201: plain files under their SHA-256
        String id = new vn.motcua.counter.adapters.files.FileContentStore(files).put(old);
        assertThat(Files.readAllBytes(TestCounter.storedFile(data, id))).isEqualTo(old);

        try (CounterWiring counter = TestCounter.open(data, CLOCK)) {
            counter.contentCleanup().get(30, TimeUnit.SECONDS);   // the sealing runs first, in the same thread
            assertThat(counter.contents().read(id)).isEqualTo(old);
        }
        byte[] onDisk = Files.readAllBytes(TestCounter.storedFile(data, id));
        assertThat(FileCipher.isEncrypted(onDisk)).isTrue();
        assertThat(new String(onDisk, StandardCharsets.UTF_8)).doesNotContain("079088001234");
        assertThat(TestCounter.stored(data, id)).isEqualTo(old);
    }

    private Settings settings(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(Settings.DATA_DIR, data.toString(),
                Settings.AGENCY_CODE, TestCounter.AGENCY, Settings.OCR_WORKERS, "0"));
        values.putAll(more);
        return Settings.of(values);
    }

    private Path keyFile() throws Exception {
        Properties ring = new Properties();
        try (Reader in = Files.newBufferedReader(data.resolve(Keyring.FILE), StandardCharsets.ISO_8859_1)) {
            ring.load(in);
        }
        return Path.of(System.getProperty("motcua.security.key.dir")).resolve(ring.getProperty("id") + ".key");
    }
}
