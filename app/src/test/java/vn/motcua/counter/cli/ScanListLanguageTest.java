package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanner-bridge errors (a message key each) are shown in the clerk's language, not the JVM's default locale. */
class ScanListLanguageTest {

    @TempDir
    Path data;

    @Test
    void aDriverErrorInTheListIsInVietnameseOnAnEnglishMachine() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        System.setProperty("motcua.scanner.sane.hosts", "127.0.0.1:1");
        try {
            CliRun run = CliRun.motcua(data, "scan", "--list");
            assertThat(run.out()).contains("(sane: ").doesNotContain("press Continue").contains("Tiếp tục");
        } finally {
            Locale.setDefault(before);
            System.clearProperty("motcua.scanner.sane.hosts");
        }
    }
}
