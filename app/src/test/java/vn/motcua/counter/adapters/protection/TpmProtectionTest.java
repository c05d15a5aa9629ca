package vn.motcua.counter.adapters.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.i18n.Messages;

/** Decision 1201's {@code tpm} protection against software TPMs (swtpm): each state folder is another PC's TPM. */
class TpmProtectionTest {

    private static final Messages VIETNAMESE = Messages.of(Locale.forLanguageTag("vi"));

    @TempDir
    Path temp;

    @BeforeEach
    void needsSwtpm() {
        assumeTrue(Swtpm.available(), "swtpm and tpm2-tools (app/ci-packages-tpm.txt)");
    }

    @Test
    void aNewFolderIsSetUpWithTheTpmAndReopensWithIt() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (Swtpm pc = Swtpm.start(temp.resolve("tpm-a"), temp.resolve("tpm-a.log"))) {
            TpmProtection tpm = new TpmProtection(pc.tcti());
            assertThat(tpm.unavailable()).isEmpty();
            Keyring.Unlocked first = Keyring.open(data, tpm, Optional.empty());
            assertThat(first.newRecoveryKey()).isPresent();

            Keyring.Unlocked again = Keyring.open(data, tpm, Optional.empty());
            assertThat(again.newRecoveryKey()).isEmpty();
            assertThat(again.key().bytes()).isEqualTo(first.key().bytes());
            String ring = Files.readString(data.resolve(Keyring.FILE));
            assertThat(ring).contains("protection=tpm")
                    .doesNotContain(Base64.getEncoder().encodeToString(first.key().bytes()));
        }
    }

    @Test
    void theKeyringCopiedToAnotherPcsTpmDoesNotOpenAndNothingIsWritten() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path copy = Files.createDirectories(temp.resolve("copy"));
        try (Swtpm pc = Swtpm.start(temp.resolve("tpm-a"), temp.resolve("tpm-a.log"))) {
            Keyring.open(data, new TpmProtection(pc.tcti()), Optional.empty());
        }
        Files.copy(data.resolve(Keyring.FILE), copy.resolve(Keyring.FILE));
        byte[] before = Files.readAllBytes(copy.resolve(Keyring.FILE));

        try (Swtpm otherPc = Swtpm.start(temp.resolve("tpm-b"), temp.resolve("tpm-b.log"))) {
            TpmProtection other = new TpmProtection(otherPc.tcti());
            assertThat(other.unavailable()).isEmpty();
            assertThatThrownBy(() -> Keyring.open(copy, other, Optional.empty()))
                    .isInstanceOfSatisfying(CounterException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("protection.locked");
                        assertThat(VIETNAMESE.text(e.messageKey(), e.arguments()))
                                .startsWith("Không mở được khóa dữ liệu (tpm)").contains("chip TPM")
                                .doesNotContain("tpm2_", "ERROR", "esys");
                    });
        }
        assertThat(Files.readAllBytes(copy.resolve(Keyring.FILE))).isEqualTo(before);
        try (var files = Files.list(copy)) {
            assertThat(files).containsExactly(copy.resolve(Keyring.FILE));
        }
    }

    @Test
    void withTpmChosenAndNoTpmTheFolderFailsClosedWithoutFallingBack() throws Exception {
        Path fresh = temp.resolve("fresh");
        TpmProtection noDevice = new TpmProtection("device:" + temp.resolve("no-tpmrm0"));
        assertThatThrownBy(() -> Keyring.open(fresh, noDevice, Optional.empty()))
                .isInstanceOfSatisfying(CounterException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("protection.unavailable");
                    assertThat(VIETNAMESE.text(e.messageKey(), e.arguments()))
                            .startsWith("Không bảo vệ được khóa dữ liệu trên máy này (tpm: no TPM device");
                });
        assertThat(fresh.resolve(Keyring.FILE)).doesNotExist();

        Path data = Files.createDirectories(temp.resolve("data"));
        String tcti;
        try (Swtpm pc = Swtpm.start(temp.resolve("tpm-a"), temp.resolve("tpm-a.log"))) {
            tcti = pc.tcti();
            Keyring.open(data, new TpmProtection(tcti), Optional.empty());
        }
        byte[] before = Files.readAllBytes(data.resolve(Keyring.FILE));
        TpmProtection stopped = new TpmProtection(tcti);   // swtpm stopped: the TPM no longer answers
        assertThat(stopped.unavailable()).hasValueSatisfying(why -> assertThat(why).startsWith("no TPM answers on "
                + tcti).doesNotContain("ERROR", "esys"));
        assertThatThrownBy(() -> Keyring.open(data, stopped, Optional.empty()))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("protection.unavailable"));
        assertThatThrownBy(() -> stopped.unwrap(new byte[] {1, 0, 1, 0, 0, 1, 0}, "0".repeat(32)))
                .isInstanceOf(KeyProtection.ProtectionException.class);
        // another protection is no way round it: the keyring says tpm
        KeyFileProtection keyFile = new KeyFileProtection(temp.resolve("keys"), data);
        assertThatThrownBy(() -> Keyring.open(data, keyFile, Optional.empty()))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("protection.locked"));
        assertThat(Files.readAllBytes(data.resolve(Keyring.FILE))).isEqualTo(before);
    }

    @Test
    void theRecoveryKeyRestoresTheFolderOntoAPcWithoutThatTpm() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Keyring.Unlocked first;
        try (Swtpm pc = Swtpm.start(temp.resolve("tpm-a"), temp.resolve("tpm-a.log"))) {
            first = Keyring.open(data, new TpmProtection(pc.tcti()), Optional.empty());
        }
        RecoveryKey recovery = first.newRecoveryKey().orElseThrow();

        Path withoutTpm = Files.createDirectories(temp.resolve("no-tpm-pc"));
        Files.copy(data.resolve(Keyring.FILE), withoutTpm.resolve(Keyring.FILE));
        KeyFileProtection keyFile = new KeyFileProtection(temp.resolve("keys"), withoutTpm);
        assertThat(Keyring.open(withoutTpm, keyFile, Optional.of(recovery)).key().bytes())
                .isEqualTo(first.key().bytes());
        assertThat(Keyring.open(withoutTpm, keyFile, Optional.empty()).key().bytes()).isEqualTo(first.key().bytes());

        Path newBoard = Files.createDirectories(temp.resolve("new-motherboard"));
        Files.copy(data.resolve(Keyring.FILE), newBoard.resolve(Keyring.FILE));
        try (Swtpm replaced = Swtpm.start(temp.resolve("tpm-b"), temp.resolve("tpm-b.log"))) {
            TpmProtection tpm = new TpmProtection(replaced.tcti());
            assertThat(Keyring.open(newBoard, tpm, Optional.of(recovery)).key().bytes())
                    .isEqualTo(first.key().bytes());
            // sealed again by the new TPM: it now opens without the recovery key
            assertThat(Keyring.open(newBoard, tpm, Optional.empty()).key().bytes()).isEqualTo(first.key().bytes());
        }
    }
}
