package vn.motcua.scanner.sane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the pass file the way scanimage does; the saned side is in {@link SaneAuthorizationTest}. */
class SaneCredentialsTest {

    @TempDir
    Path home;

    private SaneCredentials file(String content) throws Exception {
        Path file = home.resolve("pass");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return SaneCredentials.fromFile(file);
    }

    @Test
    void theHostSpecificLineWinsOverTheBareBackendNameWhateverTheOrder() throws Exception {
        SaneCredentials credentials = file("any:one:test\r\nipv6:two words:net:[::1]:test\r\n");

        SaneCredentials.Lookup onIpv6 = credentials.find(new SaneHost("::1", SaneHost.DEFAULT_PORT), "test");
        SaneCredentials.Lookup elsewhere = credentials.find(new SaneHost("192.0.2.7", 7000), "test");

        assertThat(onIpv6.credential()).hasValueSatisfying(c -> {
            assertThat(c.user()).isEqualTo("ipv6");
            assertThat(new String(c.password(), StandardCharsets.UTF_8)).isEqualTo("two words");
            assertThat(c.toString()).doesNotContain("two words");
        });
        assertThat(elsewhere.credential()).map(SaneCredentials.Credential::user).hasValue("any");
    }

    @Test
    void aUserOrPasswordLongerThanSanedsBufferIsNotSent() throws Exception {
        SaneCredentials credentials = file("scan:" + "x".repeat(SaneCredentials.MAX_LENGTH + 1) + ":test\n");

        SaneCredentials.Lookup lookup = credentials.find(SaneHost.localhost(), "test");

        assertThat(lookup.credential()).isEmpty();
        assertThat(lookup.explanation()).contains("no line for net:127.0.0.1:test or test", "at most 127 bytes");
    }
}
