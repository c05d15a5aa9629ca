package vn.motcua.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsbPackageTest {
    private static final KeyPair COUNTER = Keys.generate();
    private static final KeyPair HUB = Keys.generate();
    private static final UsbPackage.Header HEADER = new UsbPackage.Header("7c1f0c7e-3b7e-4c55-9d0e-1f2a3b4c5d6e",
            "counter-1", OffsetDateTime.parse("2026-12-20T16:00:00+07:00"));

    @TempDir
    Path work;

    private final byte[] scan = new byte[300_000];

    UsbPackageTest() {
        new Random(42).nextBytes(scan);
    }

    private byte[] pack(KeyPair counter, KeyPair hub) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (UsbPackage.Writer w = UsbPackage.write(out, counter, hub.getPublic(), HEADER)) {
            w.addManifest(Samples.manifest());
            w.addFile(Sha256.hex(scan), new ByteArrayInputStream(scan));
        }
        return out.toByteArray();
    }

    private UsbPackage.Opened open(byte[] pkg, KeyPair hub, KeyPair knownCounter) throws Exception {
        return UsbPackage.open(new ByteArrayInputStream(pkg), hub.getPrivate(), hub.getPublic(),
                id -> Arrays.equals(id, Keys.keyId(knownCounter.getPublic())) ? knownCounter.getPublic() : null, work);
    }

    @Test
    void theHubReadsWhatTheCounterPacked() throws Exception {
        byte[] pkg = pack(COUNTER, HUB);
        assertThat(new String(pkg, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Nguyễn")
                .doesNotContain("000.00.15.H42-261204-0001"); // encrypted
        try (UsbPackage.Opened opened = open(pkg, HUB, COUNTER)) {
            assertThat(opened.header()).isEqualTo(HEADER);
            assertThat(opened.signerKeyId()).isEqualTo(Keys.keyId(COUNTER.getPublic()));
            List<UsbPackage.ManifestEntry> manifests = opened.manifests();
            assertThat(manifests).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("000.00.15.H42-261204-0001");
                assertThat(e.revision()).isEqualTo(1);
                assertThat(WireJson.readManifest(e.json())).isEqualTo(Samples.manifest());
            });
            try (InputStream in = opened.openFile(Sha256.hex(scan))) {
                assertThat(in.readAllBytes()).isEqualTo(scan);
            }
            assertThat(opened.openFile(Samples.PAGE_1)).isNull();
            assertThat(opened.openFile("../package.json")).isNull();
        }
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty(); // the decrypted zip is gone
        }
    }

    @Test
    void aPackageForAnotherHubIsRefused() throws Exception {
        byte[] pkg = pack(COUNTER, Keys.generate());
        assertThatThrownBy(() -> open(pkg, HUB, COUNTER)).isInstanceOf(PackageException.class)
                .satisfies(e -> assertThat(((PackageException) e).code()).isEqualTo(PackageException.NOT_FOR_THIS_HUB));
    }

    @Test
    void aPackageFromAnUnknownCounterIsRefused() throws Exception {
        byte[] pkg = pack(Keys.generate(), HUB);
        assertThatThrownBy(() -> open(pkg, HUB, COUNTER)).isInstanceOf(PackageException.class)
                .satisfies(e -> assertThat(((PackageException) e).code()).isEqualTo(PackageException.UNKNOWN_SIGNER));
    }

    @Test
    void aSignatureByAnotherKeyUnderTheCountersIdIsRefused() throws Exception {
        KeyPair impostor = new KeyPair(COUNTER.getPublic(), Keys.generate().getPrivate());
        byte[] pkg = pack(impostor, HUB);
        assertThatThrownBy(() -> open(pkg, HUB, COUNTER)).isInstanceOf(PackageException.class)
                .satisfies(e -> assertThat(((PackageException) e).code()).isEqualTo(PackageException.BAD_SIGNATURE));
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aDamagedPackageIsRefused() throws Exception {
        byte[] pkg = pack(COUNTER, HUB);
        pkg[pkg.length / 2] ^= 0x40;
        assertThatThrownBy(() -> open(pkg, HUB, COUNTER)).isInstanceOf(PackageException.class);
        assertThatThrownBy(() -> open(Arrays.copyOf(pkg, pkg.length / 3), HUB, COUNTER))
                .isInstanceOfAny(PackageException.class, java.io.IOException.class);
        assertThatThrownBy(() -> open("PK\u0003\u0004 not cms".getBytes(), HUB, COUNTER))
                .isInstanceOf(PackageException.class);
    }
}
