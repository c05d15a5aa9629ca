package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.cli.HubCommand;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Keys;
import vn.motcua.sync.wire.Receipt;
import vn.motcua.sync.wire.Sha256;
import vn.motcua.sync.wire.UsbPackage;

/**
 * A counter's USB package imported with {@code ./motcua-hub import FILE}: the same exactly-once rules as the
 * network, a receipt signed by the hub written beside the package, the same receipt for the same package again.
 */
class UsbPackageImportTest {
    @TempDir
    static Path dir;
    static TestHub hub;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        env = TestHub.env(vn.motcua.sync.hub.support.TestPostgres.newDatabase());
        hub = TestHub.start(Files.createDirectories(dir.resolve("hub")), env);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    /** The CLI in this JVM, with the test database given as system properties (the strongest settings). */
    static int cli(StringWriter out, String... args) {
        env.forEach((k, v) -> System.setProperty("motcua.hub." + k.substring("MOTCUA_HUB_".length()).toLowerCase().replace('_', '.'), v));
        try {
            return HubCommand.run(args, new PrintWriter(out), new PrintWriter(out));
        } finally {
            env.keySet().forEach(k -> System.clearProperty("motcua.hub." + k.substring("MOTCUA_HUB_".length()).toLowerCase().replace('_', '.')));
        }
    }

    private static Path pack(CounterClient counter, String packageId, List<Dossiers.Sample> dossiers, boolean withFiles) throws Exception {
        Path file = dir.resolve(packageId + UsbPackage.EXTENSION);
        try (OutputStream out = Files.newOutputStream(file);
             UsbPackage.Writer w = UsbPackage.write(out, counter.keys, Keys.decodePublic(counter.enrolment.hubPublicKey()),
                     new UsbPackage.Header(packageId, counter.counterId, OffsetDateTime.now()))) {
            for (Dossiers.Sample s : dossiers) {
                w.addManifest(s.manifest());
                if (withFiles) {
                    for (byte[] f : s.files()) {
                        w.addFile(Sha256.hex(f), new ByteArrayInputStream(f));
                    }
                }
            }
        }
        return file;
    }

    @Test
    void aPackageIsImportedUnderTheNetworksRulesAndAnsweredWithASignedReceipt() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy xã vùng cao");
        Dossiers.Sample online = Dossiers.sample(Dossiers.code(10, 1), 101, 1, 10_000);
        counter.upload(online.files().getFirst());
        assertThat(counter.put(online.manifest()).statusCode()).isEqualTo(200);
        Dossiers.Sample fresh = Dossiers.sample(Dossiers.code(10, 2), 102, 2, 50_000);
        Dossiers.Sample alreadySent = online; // the same content again: accepted, stored once
        Dossiers.Sample conflicting = Dossiers.sample(Dossiers.code(10, 1), 103, 1, 10_000); // same code and revision, other files
        String packageId = UUID.randomUUID().toString();
        Path pkg = pack(counter, packageId, List.of(fresh, alreadySent), true);

        StringWriter out = new StringWriter();
        assertThat(cli(out, "import", pkg.toString(), "--data", dir.resolve("hub").toString())).as(out.toString()).isZero();
        Path receiptFile = dir.resolve(packageId + Receipt.EXTENSION);
        Receipt receipt = Receipt.verify(Files.readAllBytes(receiptFile), Keys.decodePublic(counter.enrolment.hubPublicKey()));
        assertThat(receipt.packageId()).isEqualTo(packageId);
        assertThat(receipt.entries()).extracting(Receipt.Entry::code, Receipt.Entry::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(fresh.manifest().code(), "accepted"),
                org.assertj.core.groups.Tuple.tuple(online.manifest().code(), "accepted"));
        Path second = pack(counter, UUID.randomUUID().toString(), List.of(conflicting), true);
        assertThat(hub.hub.packages().importPackage(Files.newInputStream(second), "test").receipt().entries())
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("manifest_conflict"));
        assertThat(hub.count("select count(*) from manifests where via = 'USB'")).isEqualTo(1);
        assertThat(hub.count("select count(*) from manifests where code = '" + online.manifest().code() + "'")).isEqualTo(1);

        // the same package again: the first receipt, nothing stored twice
        var before = hub.footprint();
        StringWriter again = new StringWriter();
        assertThat(cli(again, "import", pkg.toString(), "--data", dir.resolve("hub").toString(), "--receipt", dir.resolve("again.mcrcpt").toString())).isZero();
        assertThat(again.toString()).contains("imported before");
        assertThat(Files.readAllBytes(dir.resolve("again.mcrcpt"))).isEqualTo(Files.readAllBytes(receiptFile));
        assertThat(hub.footprint()).isEqualTo(before);
    }

    @Test
    void aPackageWithoutItsFilesGetsMissingFilesForThoseDossiers() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy quên tệp");
        Dossiers.Sample s = Dossiers.sample(Dossiers.code(10, 5), 105, 1, 10_000);
        Path pkg = pack(counter, UUID.randomUUID().toString(), List.of(s), false);
        var imported = hub.hub.packages().importPackage(Files.newInputStream(pkg), "test");
        assertThat(imported.receipt().entries()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("missing_files"));
        assertThat(hub.count("select count(*) from dossiers where code = '" + s.manifest().code() + "'")).isZero();
    }

    @Test
    void aDamagedOrRevokedCountersPackageIsRefusedWhole() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy sẽ bị thu hồi");
        Dossiers.Sample s = Dossiers.sample(Dossiers.code(10, 7), 107, 1, 10_000);
        Path pkg = pack(counter, UUID.randomUUID().toString(), List.of(s), true);
        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 2] ^= 1;
        Path damaged = Files.write(dir.resolve("damaged.mcpkg"), bytes);
        var before = hub.footprint();
        StringWriter out = new StringWriter();
        assertThat(cli(out, "import", damaged.toString(), "--data", dir.resolve("hub").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("package refused").doesNotContain("Exception");
        hub.hub.counters().revoke("Quầy sẽ bị thu hồi", "test");
        StringWriter revoked = new StringWriter();
        assertThat(cli(revoked, "import", pkg.toString(), "--data", dir.resolve("hub").toString())).isEqualTo(1);
        assertThat(revoked.toString()).contains("unknown_signer");
        assertThat(hub.footprint()).isEqualTo(before);
    }
}
