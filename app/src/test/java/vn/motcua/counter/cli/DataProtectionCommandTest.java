package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.bootstrap.CounterWiring;

/** {@code ./motcua} and decision 1201: the new recovery key printed once, and a clear refusal without protection. */
class DataProtectionCommandTest {

    private static final String CODE = "000.00.00.H26-261204-0001";

    @TempDir
    Path data;

    @Test
    void theFirstCommandOnANewDataFolderPrintsTheRecoveryKeyOnceOnTheErrorStream() {
        CliRun first = CliRun.motcua(data, "dossier", "show", CODE);
        assertThat(first.err()).containsPattern(
                "Khóa khôi phục \\(chỉ hiện một lần, hãy in và cất giữ an toàn\\): ([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
        assertThat(first.out()).doesNotContain("Khóa khôi phục");   // a command's own output stays its own

        CliRun second = CliRun.motcua(data, "dossier", "show", CODE);
        assertThat(second.err()).doesNotContain("Khóa khôi phục");
    }

    @Test
    void withoutKeyProtectionACommandSaysSoAndCreatesNoDatabase() {
        System.setProperty("motcua.security.protection", "passphrase");   // and no passphrase given
        CliRun refused;
        try {
            refused = CliRun.motcua(data, "dossier", "show", CODE);
        } finally {
            System.clearProperty("motcua.security.protection");
        }
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Không bảo vệ được khóa dữ liệu trên máy này (passphrase:")
                .doesNotContain("Exception", "\tat ");
        assertThat(data.resolve(CounterWiring.DATABASE_FILE)).doesNotExist();
    }

    @Test
    void withTpmChosenAndNoTpmACommandSaysSoAndFallsBackToNothing() {
        System.setProperty("motcua.security.protection", "tpm");
        System.setProperty("motcua.security.tpm.tcti", "device:" + data.resolve("no-tpmrm0"));
        CliRun refused;
        try {
            refused = CliRun.motcua(data, "dossier", "show", CODE);
        } finally {
            System.clearProperty("motcua.security.protection");
            System.clearProperty("motcua.security.tpm.tcti");
        }
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Không bảo vệ được khóa dữ liệu trên máy này (tpm: no TPM device ")
                .doesNotContain("Exception", "\tat ", "tpm2_");
        assertThat(data.resolve(CounterWiring.DATABASE_FILE)).doesNotExist();
        assertThat(data.resolve(Keyring.FILE)).doesNotExist();
    }
}
