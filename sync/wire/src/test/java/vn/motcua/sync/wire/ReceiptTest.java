package vn.motcua.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTest {
    private static final KeyPair HUB = Keys.generate();
    private static final Receipt RECEIPT = new Receipt("pkg-1", "counter-1", OffsetDateTime.parse("2026-12-21T08:00:00+07:00"),
            List.of(new Receipt.Entry("000.00.15.H42-261204-0001", 1, ErrorCode.ACCEPTED, null),
                    new Receipt.Entry("000.00.15.H42-261204-0002", 2, ErrorCode.MANIFEST_CONFLICT, "status differs")));

    @Test
    void theCounterReadsTheHubsReceipt() throws Exception {
        Receipt read = Receipt.verify(RECEIPT.sign(HUB.getPrivate(), HUB.getPublic()), HUB.getPublic());
        assertThat(read).isEqualTo(RECEIPT);
        assertThat(read.entries()).extracting(Receipt.Entry::accepted).containsExactly(true, false);
    }

    @Test
    void aChangedOrForeignReceiptIsRefused() {
        byte[] file = RECEIPT.sign(HUB.getPrivate(), HUB.getPublic());
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("manifest_conflict");
        file[at] = 'a'; // "aanifest_conflict": a forged outcome
        byte[] forged = file;
        assertThatThrownBy(() -> Receipt.verify(forged, HUB.getPublic())).isInstanceOf(PackageException.class)
                .satisfies(e -> assertThat(((PackageException) e).code()).isEqualTo(PackageException.BAD_SIGNATURE));
        KeyPair other = Keys.generate();
        byte[] foreign = RECEIPT.sign(other.getPrivate(), other.getPublic());
        assertThatThrownBy(() -> Receipt.verify(foreign, HUB.getPublic())).isInstanceOf(PackageException.class)
                .satisfies(e -> assertThat(((PackageException) e).code()).isEqualTo(PackageException.UNKNOWN_SIGNER));
        assertThatThrownBy(() -> Receipt.verify("not a receipt".getBytes(), HUB.getPublic()))
                .isInstanceOf(PackageException.class);
    }

    @Test
    void keysTravelAsBase64AndOnlyP256IsAccepted() throws Exception {
        assertThat(Keys.decodePublic(Keys.encode(HUB.getPublic()))).isEqualTo(HUB.getPublic());
        assertThatThrownBy(() -> Keys.decodePublic("bm90IGEga2V5")).isInstanceOf(WireFormatException.class);
        var rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String rsaKey = Keys.encode(rsa.generateKeyPair().getPublic());
        assertThatThrownBy(() -> Keys.decodePublic(rsaKey)).isInstanceOf(WireFormatException.class);
    }
}
