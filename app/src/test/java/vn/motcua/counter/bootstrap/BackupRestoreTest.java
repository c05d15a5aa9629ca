package vn.motcua.counter.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.store.Database;
import vn.motcua.counter.application.Backups;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.cli.MotcuaCommand;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.Page;

/**
 * Decision 1203 end to end, with real parts: dossiers received with pages into a real data folder, {@code motcua
 * backup} to a folder standing for an external drive, {@code motcua restore} into a fresh folder with another key
 * folder (another PC) and the recovery key, and the restored counter opened and read back.
 */
class BackupRestoreTest {

    private static final Pattern RECOVERY_KEY = Pattern.compile("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}");
    private static final Clock CLOCK = CounterConfiguration.VIETNAM_TIME;

    private static final String KEY_DIR_PROPERTY = "motcua." + Settings.SECURITY_KEY_DIR;

    @TempDir
    Path temp;
    private String surefireKeys;

    /** Each "PC" here has its own key folder: surefire's one for every test (a system property, strongest) is set aside. */
    @BeforeEach
    void ownKeyFolders() {
        surefireKeys = System.clearProperty(KEY_DIR_PROPERTY);
    }

    @AfterEach
    void restoreKeyFolder() {
        if (surefireKeys != null) {
            System.setProperty(KEY_DIR_PROPERTY, surefireKeys);
        }
    }

    @Test
    void backUpThenRestoreOnAnotherPcWithTheRecoveryKeyFindsEveryDossierIntact() throws IOException {
        Path data = temp.resolve("data");
        List<Receipt> received = new ArrayList<>();
        Map<String, byte[]> contents = new HashMap<>();
        String recoveryKey;
        try (CounterWiring counter = open(data, temp.resolve("keys-a"))) {
            recoveryKey = counter.newRecoveryKey().orElseThrow();   // shown once, by the start that made the key
            for (int i = 1; i <= 4; i++) {
                Receipt receipt = counter.reception().receive(TestCounter.request(counter, i), counter.profile());
                received.add(receipt);
                contents.put(receipt.pdfContentId(), counter.contents().read(receipt.pdfContentId()));
                for (Page page : pages(receipt.dossier())) {
                    contents.put(page.contentId(), counter.contents().read(page.contentId()));
                }
            }
        }
        // the grep below can fail: it finds the ID number in a plain file
        Path control = Files.writeString(Files.createDirectories(temp.resolve("control")).resolve("plain.txt"),
                "CCCD " + TestCounter.applicant()
                .idNumber().value());
        assertThat(containsAnywhere(control.getParent(), TestCounter.applicant().idNumber().value())).isTrue();

        Path drive = temp.resolve("usb");
        Run backup = run(pc(data, temp.resolve("keys-a"), Map.of()), "backup", "--to", drive.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Đã sao lưu (đã mã hóa)", "4 hồ sơ");
        assertThat(RECOVERY_KEY.matcher(backup.out()).find()).as("the key was made before: not shown again").isFalse();

        for (String secret : secrets()) {
            assertThat(containsAnywhere(drive, secret)).as("plaintext %s in the backup", secret).isFalse();
        }

        // another PC: its own key folder, its own data folder; the recovery key from the settings (environment)
        Path restored = temp.resolve("other-pc/data");
        Path otherKeys = temp.resolve("other-pc/keys");
        Run restore = run(pc(temp.resolve("other-pc/unused"), otherKeys,
                Map.of(Settings.SECURITY_RECOVERY_KEY, recoveryKey.toLowerCase())),
                "restore", "--from", drive.toString(), "--to", restored.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Đã khôi phục", "4 hồ sơ");
        assertThat(Files.readString(restored.resolve("keyring.properties"))).contains("protection=keyfile");
        try (Stream<Path> keys = Files.list(otherKeys)) {
            assertThat(keys.filter(Files::isRegularFile).count()).as("the new PC's key file").isPositive();
        }

        try (CounterWiring counter = open(restored, otherKeys)) {
            for (Receipt receipt : received) {
                Dossier original = receipt.dossier();
                Dossier back = counter.dossiers().dossier(original.code()).orElseThrow();
                assertThat(back.applicant()).isEqualTo(original.applicant());
                assertThat(back.procedureCode()).isEqualTo(original.procedureCode());
                assertThat(pages(back)).extracting(Page::contentId)
                        .containsExactlyElementsOf(pages(original).stream().map(Page::contentId).toList());
                for (Page page : pages(back)) {
                    assertThat(counter.contents().read(page.contentId())).isEqualTo(contents.get(page.contentId()));
                }
                assertThat(counter.dossiers().receiptContentId(original.code())).hasValue(receipt.pdfContentId());
                assertThat(counter.contents().read(receipt.pdfContentId()))
                        .isEqualTo(contents.get(receipt.pdfContentId()));
            }
        }
        assertThat(Database.checkIntegrity(restored.resolve("motcua.db"))).isEqualTo("ok");
    }

    @Test
    void aWrongRecoveryKeyIsRefusedClearlyAndLeavesNothingBehind() throws IOException {
        Path data = temp.resolve("data");
        try (CounterWiring counter = open(data, temp.resolve("keys-a"))) {
            counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        }
        Path drive = temp.resolve("usb");
        assertThat(run(pc(data, temp.resolve("keys-a"), Map.of()), "backup", "--to", drive.toString()).exit())
                .isZero();
        Path restored = temp.resolve("other-pc/data");
        Run wrong = run(pc(temp.resolve("unused"), temp.resolve("keys-b"),
                Map.of(Settings.SECURITY_RECOVERY_KEY, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")),
                "restore", "--from", drive.toString(), "--to", restored.toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("Khóa khôi phục không đúng");
        assertThat(restored).doesNotExist();

        Run malformed = run(pc(temp.resolve("unused"), temp.resolve("keys-b"),
                Map.of(Settings.SECURITY_RECOVERY_KEY, "not a key")),
                "restore", "--from", drive.toString(), "--to", restored.toString());
        assertThat(malformed.exit()).isEqualTo(1);
        assertThat(malformed.err()).contains("32 ký tự");
        assertThat(restored).doesNotExist();
    }

    @Test
    void aBackupWhileTheCounterReceivesDossiersIsConsistent() throws Exception {
        Path data = temp.resolve("data");
        Settings settings = pc(data, temp.resolve("keys-a"), Map.of());
        String recovery;
        try (CounterWiring counter = CounterWiring.open(settings, CLOCK)) {
            recovery = counter.newRecoveryKey().orElseThrow();
            counter.reception().receive(TestCounter.request(counter, 0), counter.profile());
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Throwable> failures = new ArrayList<>();
            Thread receiving = Thread.ofPlatform().start(() -> {
                for (int i = 1; writing.get() && i < 200; i++) {
                    try {
                        counter.reception().receive(TestCounter.request(counter, i), counter.profile());
                    } catch (RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                }
            });
            Backups backups = new CounterBackups(new CounterConfiguration(settings), CLOCK);
            List<Backups.Made> made = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                made.add(backups.backUp(temp.resolve("usb")));
            }
            writing.set(false);
            receiving.join(60_000);
            assertThat(failures).isEmpty();
            for (int round = 0; round < made.size(); round++) {
                Path restored = temp.resolve("restored-" + round);
                Backups other = new CounterBackups(new CounterConfiguration(
                        pc(restored, temp.resolve("keys-" + round), Map.of())), CLOCK);
                Backups.Restored back = other.restore(made.get(round).folder(), restored, recovery);
                assertThat(back.dossiers()).isEqualTo(made.get(round).dossiers());
                assertThat(Database.checkIntegrity(restored.resolve("motcua.db"))).isEqualTo("ok");
                try (CounterWiring copy = open(restored, temp.resolve("keys-" + round))) {
                    List<String> codes = Database.readOnly(restored.resolve("motcua.db"), c -> {
                        List<String> all = new ArrayList<>();
                        try (var rs = c.createStatement().executeQuery("SELECT code FROM dossiers")) {
                            while (rs.next()) {
                                all.add(rs.getString(1));
                            }
                        }
                        return all;
                    });
                    assertThat(codes).hasSize((int) back.dossiers()).isNotEmpty();
                    for (String code : codes) {   // every dossier whole: each page and the receipt readable
                        Dossier dossier = copy.dossiers().dossier(vn.motcua.counter.domain.DossierCode.parse(code))
                                .orElseThrow();
                        assertThat(pages(dossier)).isNotEmpty().allSatisfy(p ->
                                assertThat(copy.contents().read(p.contentId())).hasSize((int) p.byteSize()));
                        assertThat(copy.contents().read(copy.dossiers().receiptContentId(dossier.code())
                                .orElseThrow())).isNotEmpty();
                    }
                }
            }
        }
    }

    private static List<Page> pages(Dossier dossier) {
        return dossier.documents().stream().flatMap(d -> d.pages().stream()).toList();
    }

    private static List<String> secrets() {
        var applicant = TestCounter.applicant();
        return List.of(applicant.idNumber().value(), applicant.fullName(), "Nguyen Thi Hong Nhung",
                "nguyen thi hong nhung", "Hàng Bài", "0912345678");
    }

    /** A PC's settings: its data folder and its own key folder (keyfile protection). */
    /** The counter on {@code data}, its key protected in {@code keys} (this PC's key folder). */
    private static CounterWiring open(Path data, Path keys) {
        return CounterWiring.open(pc(data, keys, Map.of()), CLOCK);
    }

    private static Settings pc(Path data, Path keys, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(Settings.DATA_DIR, data.toString(),
                Settings.AGENCY_CODE, TestCounter.AGENCY, Settings.OCR_WORKERS, "0", Settings.CLERK_NAME, "Trần Văn Bình",
                Settings.SECURITY_PROTECTION, "keyfile", Settings.SECURITY_KEY_DIR, keys.toString()));
        values.putAll(more);
        return Settings.of(values);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Settings settings, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = MotcuaCommand.commandLine(new CounterLauncher(settings, CLOCK));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Whether {@code text} (UTF-8) appears in the bytes of any file under {@code folder}. */
    private static boolean containsAnywhere(Path folder, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
