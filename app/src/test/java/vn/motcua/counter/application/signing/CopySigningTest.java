package vn.motcua.counter.application.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.adapters.signing.KeyStoreSigningKeys;
import vn.motcua.counter.adapters.signing.PadesCopySigner;
import vn.motcua.counter.adapters.signing.PdfSignatureVerifier;
import vn.motcua.counter.adapters.signing.SigningPeers;
import vn.motcua.counter.adapters.signing.TestCopies;
import vn.motcua.counter.adapters.signing.TestPki;
import vn.motcua.counter.adapters.signing.TestPkiServer;
import vn.motcua.counter.adapters.signing.TrustFolder;
import vn.motcua.counter.application.port.SigningKeys;
import vn.motcua.counter.domain.signing.CopyKind;
import vn.motcua.counter.domain.signing.SignatureLevel;

/** A batch signed while the counter is offline comes out at B-B, marked to extend, and reaches B-LT once online. */
class CopySigningTest {

    @TempDir
    static Path dir;
    static SigningPeers peers;
    static TestPkiServer server;
    static TestPki pki;

    @BeforeAll
    static void peers() throws Exception {
        peers = SigningPeers.start(dir);
        server = peers.server;
        pki = peers.pki;
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    @Test
    void offlineCopiesAreSignedAtBasicLevelAndExtendedLater() throws Exception {
        CopySigning signing = new CopySigning(new KeyStoreSigningKeys(),
                new PadesCopySigner(URI.create(server.tsaUrl()), Duration.ofSeconds(2)), Clock.systemUTC());
        CopyVerification verification = new CopyVerification(new PdfSignatureVerifier(Duration.ofSeconds(2)),
                new TrustFolder(null));
        Path p12 = peers.p12;
        byte[] copy = TestCopies.copy(1);
        List<byte[]> signed = new ArrayList<>();
        AtomicInteger progress = new AtomicInteger();
        char[] pin = "123456".toCharArray();
        server.offline(true);
        CopySigning.BatchResult result;
        try {
            result = signing.sign(new SigningKeys.Pkcs12File(p12), pin,
                    List.of(new CopySigning.Item("a", CopyKind.CERTIFIED_FROM_ORIGINAL, () -> copy, signed::add),
                            new CopySigning.Item("b", CopyKind.CERTIFIED_FROM_ORIGINAL, () -> copy, signed::add)),
                    new CopySigning.Policy("UBND phường Bến Nghé", SignatureLevel.B_LT, null, null),
                    (done, total, outcome) -> progress.set(done), () -> false);
        } finally {
            server.offline(false);
        }
        assertThat(new String(pin)).isEqualTo("\0".repeat(6));   // the PIN is gone once the key is open
        assertThat(progress).hasValue(2);
        assertThat(result.outcomes()).allSatisfy(o -> {
            assertThat(o.level()).isEqualTo(SignatureLevel.B_B);
            assertThat(o.toExtend()).isTrue();
        });
        byte[] extended = signing.extend(signed.getFirst(), SignatureLevel.B_LT);
        Path root = TestPki.writePem(dir.resolve("root.pem"), pki.root.certificate());
        Verdict verdict = verification.verify(extended, List.of(root), false);
        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.VALID);
        assertThat(verdict.signatures().getFirst().level()).isEqualTo(SignatureLevel.B_LT);
    }

    @Test
    void aCancelledBatchStopsBeforeTheNextCopy() throws Exception {
        CopySigning signing = new CopySigning(new KeyStoreSigningKeys(), new PadesCopySigner(null, Duration.ofSeconds(1)),
                Clock.systemUTC());
        Path p12 = peers.p12;
        byte[] copy = TestCopies.copy(1);
        List<byte[]> signed = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        var items = List.of(new CopySigning.Item("1", CopyKind.CERTIFIED_FROM_ORIGINAL, () -> copy, signed::add),
                new CopySigning.Item("2", CopyKind.CERTIFIED_FROM_ORIGINAL, () -> copy, signed::add),
                new CopySigning.Item("3", CopyKind.CERTIFIED_FROM_ORIGINAL, () -> copy, signed::add));
        var result = signing.sign(new SigningKeys.Pkcs12File(p12), "123456".toCharArray(), items,
                new CopySigning.Policy("UBND", SignatureLevel.B_B, null, null), (n, total, o) -> done.set(n),
                () -> done.get() >= 1);
        assertThat(result.cancelled()).isTrue();
        assertThat(signed).hasSize(1);
    }
}
