package vn.motcua.counter.adapters.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.CounterException;

class KeyringTest {

    @TempDir
    Path temp;

    @Test
    void firstOpenMakesAKeyAndARecoveryKeyLaterOpensGiveTheSameKey() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        KeyFileProtection protection = new KeyFileProtection(temp.resolve("keys"), data);
        Keyring.Unlocked first = Keyring.open(data, protection, Optional.empty());
        assertThat(first.newRecoveryKey()).isPresent();
        assertThat(first.newRecoveryKey().get().grouped()).matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");

        Keyring.Unlocked again = Keyring.open(data, protection, Optional.empty());
        assertThat(again.newRecoveryKey()).isEmpty();
        assertThat(again.key().bytes()).isEqualTo(first.key().bytes());
        String ring = Files.readString(data.resolve(Keyring.FILE));
        assertThat(ring).doesNotContain(java.util.Base64.getEncoder().encodeToString(first.key().bytes()));
        try (var keys = Files.list(temp.resolve("keys"))) {
            Path keyFile = keys.findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void aCopiedDataFolderWithoutTheKeyFileDoesNotOpenButTheRecoveryKeyOpensItOnAnotherMachine() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Keyring.Unlocked first = Keyring.open(data, new KeyFileProtection(temp.resolve("keys"), data),
                Optional.empty());
        Path copy = Files.createDirectories(temp.resolve("copy"));
        Files.copy(data.resolve(Keyring.FILE), copy.resolve(Keyring.FILE));
        KeyFileProtection otherPc = new KeyFileProtection(temp.resolve("other-keys"), copy);

        assertThatThrownBy(() -> Keyring.open(copy, otherPc, Optional.empty()))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("protection.locked"));
        assertThatThrownBy(() -> Keyring.open(copy, otherPc, Optional.of(RecoveryKey.generate())))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("protection.recovery_wrong"));

        RecoveryKey typed = RecoveryKey.parse(first.newRecoveryKey().get().grouped().toLowerCase().replace('-', ' '));
        Keyring.Unlocked recovered = Keyring.open(copy, otherPc, Optional.of(typed));
        assertThat(recovered.key().bytes()).isEqualTo(first.key().bytes());
        // wrapped again for the new machine: it now opens without the recovery key
        assertThat(Keyring.open(copy, otherPc, Optional.empty()).key().bytes()).isEqualTo(first.key().bytes());
    }

    @Test
    void failsClosedWhenProtectionIsUnavailableAndWritesNothing() {
        Path data = temp.resolve("data");
        KeyProtection none = new PassphraseProtection(null);
        assertThatThrownBy(() -> Keyring.open(data, none, Optional.empty()))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("protection.unavailable"));
        assertThat(Files.exists(data.resolve(Keyring.FILE))).isFalse();
        KeyFileProtection inside = new KeyFileProtection(temp.resolve("data/keys"), data);
        assertThat(inside.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("inside the data"));
    }

    @Test
    void aPassphraseOpensItsKeyringAndAWrongOneDoesNot() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Keyring.Unlocked first = Keyring.open(data,
                new PassphraseProtection("một cụm mật khẩu dài".toCharArray()), Optional.empty());
        assertThat(Keyring.open(data, new PassphraseProtection("một cụm mật khẩu dài".toCharArray()),
                Optional.empty()).key().bytes()).isEqualTo(first.key().bytes());
        assertThatThrownBy(() -> Keyring.open(data, new PassphraseProtection("mot cum mat khau sai".toCharArray()),
                Optional.empty())).isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("protection.locked"));
    }

    @Test
    void dpapiSaysItIsWindowsOnlyHereAndItsBlobHasTheWindowsLayout() {
        DpapiProtection dpapi = new DpapiProtection();
        assertThat(DpapiProtection.DATA_BLOB.byteSize()).isEqualTo(16);
        if (!System.getProperty("os.name").toLowerCase().contains("win")) {
            assertThat(dpapi.unavailable()).contains("DPAPI exists on Windows only");
            assertThatThrownBy(() -> dpapi.wrap(new byte[32], "0".repeat(32)))
                    .isInstanceOf(KeyProtection.ProtectionException.class);
        }
    }
}
