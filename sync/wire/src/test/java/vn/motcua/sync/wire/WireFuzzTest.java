package vn.motcua.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

/**
 * What the counter reads from the hub (answers, receipts, the hub's key) and the hub from counters (manifests) is
 * outside input: each reader returns a value or refuses with the protocol's own exception ({@link WireFormatException}
 * with the field at fault, {@link PackageException} with its code), never a NullPointerException, an
 * IndexOutOfBoundsException or a library's exception (decision 0006). Saved inputs:
 * {@code src/test/resources/vn/motcua/sync/wire/WireFuzzTestInputs/<method>/}.
 */
class WireFuzzTest {

    private static final KeyPair HUB = Keys.generate();
    private static final Class<?>[] ANSWERS = {Api.EnrolResponse.class, Api.ManifestAccepted.class, Api.Error.class,
            Api.ChangesPage.class, Receipt.class};

    @FuzzTest(maxDuration = "2m")
    void hubAnswers(byte[] body) {
        for (Class<?> type : ANSWERS) {
            try {
                assertThat(WireJson.read(body, type)).isNotNull();
            } catch (WireFormatException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }

    @FuzzTest(maxDuration = "2m")
    void manifest(byte[] body) {
        try {
            DossierManifest manifest = WireJson.readManifest(body);
            assertThat(ContentHash.of(manifest)).isNotEmpty();
        } catch (WireFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void receiptFile(byte[] file) {
        try {
            assertThat(Receipt.verify(file, HUB.getPublic())).isNotNull();
        } catch (PackageException refused) {
            assertThat(refused.code()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void hubPublicKey(byte[] text) {
        try {
            assertThat(Keys.decodePublic(new String(text, StandardCharsets.UTF_8))).isNotNull();
        } catch (WireFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
