package vn.motcua.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.service.Packages;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Sha256;

/** The client against the real hub on loopback, over a real PostgreSQL; the client's state in a real SQLite file. */
class HubClientTest {
    @TempDir
    Path dir;
    TestHub hub;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(dir.resolve("hub"));
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void enrolsDeliversOnceAndAgainIdempotently() throws Exception {
        Path db = dir.resolve("counter.db");
        try (HubClient client = Fixture.client(hub.base, db)) {
            assertThat(client.enrolled()).isFalse();
            assertThatThrownBy(() -> client.deliver(Dossiers.sample(Dossiers.code(4, 1), 1, 1, 10).manifest(), java.util.Map.of(), null))
                    .isInstanceOfSatisfying(SyncException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SyncException.Kind.BLOCKED);
                        assertThat(e.code()).isEqualTo("sync.error.not_enrolled");
                    });
            CounterCredential cred = client.enrol(Fixture.enrolmentCode(hub, "Quầy 1"), "Quầy 1");
            assertThat(client.enrolled()).isTrue();
            // idempotent: enrolled already, no code needed
            assertThat(client.enrol("used-or-not", "Quầy 1").counterId()).isEqualTo(cred.counterId());

            Outgoing d = Fixture.dossier(dir.resolve("files"), Dossiers.code(4, 1), 1, 3, 300_000);
            List<long[]> progress = new ArrayList<>();
            Api.ManifestAccepted ok = client.deliver(d.manifest(), d.filesBySha256(), (s, t) -> progress.add(new long[] {s, t}));
            assertThat(ok.code()).isEqualTo(d.manifest().code());
            assertThat(ok.revision()).isEqualTo(1);
            assertThat(progress.getLast()).containsExactly(900_000, 900_000);
            assertThat(progress).extracting(p -> p[0]).isSorted();

            Api.ManifestAccepted again = client.deliver(d.manifest(), d.filesBySha256(), null);
            assertThat(again.acceptedAt()).isEqualTo(ok.acceptedAt());
            assertThat(hub.count("select count(*) from dossiers")).isEqualTo(1);
            assertThat(hub.count("select count(*) from manifests")).isEqualTo(1);
            assertThat(hub.count("select count(*) from blobs")).isEqualTo(3);
            assertThat(hub.count("select count(*) from uploads")).isEqualTo(3);
            // byte-identical at the hub: download each through the API and compare
            for (FileRef f : d.manifest().files()) {
                Path back = client.download(f, dir.resolve("back").resolve(f.name()));
                assertThat(Sha256.hex(Files.readAllBytes(back))).isEqualTo(f.sha256());
                assertThat(Files.mismatch(back, d.filesBySha256().get(f.sha256()))).isEqualTo(-1L);
                assertThat(client.download(f)).as("in memory, never on disk").isEqualTo(Files.readAllBytes(back));
            }
            FileRef first = d.manifest().files().getFirst();
            assertThatThrownBy(() -> client.download(new FileRef(first.sha256(), first.size() - 1, first.name(),
                    first.kind()))).as("more bytes than announced").isInstanceOf(SyncException.class)
                    .hasMessageContaining("does not match");
        }
        // a new instance over the same SQLite file is still enrolled, and the hub holds the files: no upload again
        try (HubClient client = Fixture.client(hub.base, db)) {
            assertThat(client.enrolled()).isTrue();
            Outgoing d2 = Fixture.dossier(dir.resolve("files"), Dossiers.code(4, 1), 1, 3, 300_000);
            Dossiers.Sample rev2 = Dossiers.sample(Dossiers.code(4, 1), 1, 3, 300_000).revised(2, 4);
            assertThat(client.deliver(rev2.manifest(), d2.filesBySha256(), null).revision()).isEqualTo(2);
            assertThat(hub.count("select count(*) from uploads")).isEqualTo(3);
            assertThat(hub.count("select count(*) from manifests")).isEqualTo(2);
        }
    }

    @Test
    void changedContentUnderTheSameRevisionIsAConflictWithTheHubsReason() throws Exception {
        try (HubClient client = Fixture.client(hub.base, dir.resolve("c.db"))) {
            client.enrol(Fixture.enrolmentCode(hub, "Quầy 2"), "Quầy 2");
            Outgoing d = Fixture.dossier(dir.resolve("f"), Dossiers.code(4, 2), 2, 1, 1000);
            client.deliver(d.manifest(), d.filesBySha256(), null);
            DossierManifest m = d.manifest();
            DossierManifest changed = new DossierManifest(m.code(), m.revision(), m.agencyCode(), m.procedure(), m.applicant(),
                    "Một nội dung khác", m.receivedAt(), m.appointmentAt(), m.returnedAt(), m.status(), m.channel(),
                    m.components(), m.documents(), m.events());
            assertThatThrownBy(() -> client.deliver(changed, d.filesBySha256(), null))
                    .isInstanceOfSatisfying(SyncException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SyncException.Kind.PERMANENT);
                        assertThat(e.code()).isEqualTo("sync.error.conflict");
                        assertThat(e.reason()).contains("summary");
                    });
            assertThat(hub.count("select count(*) from manifests")).isEqualTo(1);
            // a bad manifest names its field
            DossierManifest bad = new DossierManifest(m.code(), 2, m.agencyCode(), m.procedure(), m.applicant(),
                    m.summary(), m.receivedAt(), m.appointmentAt(), m.returnedAt(), 99, m.channel(),
                    m.components(), m.documents(), m.events());
            assertThatThrownBy(() -> client.deliver(bad, d.filesBySha256(), null))
                    .isInstanceOfSatisfying(SyncException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SyncException.Kind.PERMANENT);
                        assertThat(e.code()).isEqualTo("sync.error.bad_manifest");
                        assertThat(e.field()).contains("status");
                    });
        }
    }

    @Test
    void aRevokedCounterIsBlockedAndKeepsItsState() throws Exception {
        Path db = dir.resolve("r.db");
        try (HubClient client = Fixture.client(hub.base, db)) {
            client.enrol(Fixture.enrolmentCode(hub, "Quầy 3"), "Quầy 3");
            hub.hub.counters().revoke("Quầy 3", "test");
            Outgoing d = Fixture.dossier(dir.resolve("f"), Dossiers.code(4, 3), 3, 1, 1000);
            assertThatThrownBy(() -> client.deliver(d.manifest(), d.filesBySha256(), null))
                    .isInstanceOfSatisfying(SyncException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SyncException.Kind.BLOCKED);
                        assertThat(e.code()).isEqualTo("sync.error.revoked");
                    });
            assertThatThrownBy(() -> client.pullChanges(c -> { }))
                    .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.code()).isEqualTo("sync.error.revoked"));
            assertThat(client.enrolled()).isTrue();
        }
        assertThatThrownBy(() -> Fixture.client(hub.base, dir.resolve("other.db")).enrol("nope", "Quầy 9"))
                .isInstanceOfSatisfying(SyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SyncException.Kind.BLOCKED);
                    assertThat(e.code()).isEqualTo("sync.error.enrolment_refused");
                });
    }

    @Test
    void changesArePulledOnceAndTheCursorSurvivesANewInstance() throws Exception {
        Path db = dir.resolve("ch.db");
        String code = Dossiers.code(4, 4);
        try (HubClient client = Fixture.client(hub.base, db)) {
            client.enrol(Fixture.enrolmentCode(hub, "Quầy 4"), "Quầy 4");
            Outgoing d = Fixture.dossier(dir.resolve("f"), code, 4, 1, 1000);
            client.deliver(d.manifest(), d.filesBySha256(), null);
            hub.hub.processing().changeStatus(code, 4, "Chuyên viên B", null);
            List<Api.Change> seen = new ArrayList<>();
            assertThat(client.pullChanges(seen::add)).isEqualTo(1);
            assertThat(seen.getFirst().code()).isEqualTo(code);
            assertThat(seen.getFirst().status()).isEqualTo(4);
            assertThat(client.pullChanges(seen::add)).isZero();
            // a handler that fails does not move the cursor
            hub.hub.processing().changeStatus(code, 9, "Chuyên viên B", null);
            assertThatThrownBy(() -> client.pullChanges(c -> {
                throw new IllegalStateException("disk full");
            })).isInstanceOf(SyncException.class);
        }
        try (HubClient client = Fixture.client(hub.base, db)) {
            List<Api.Change> seen = new ArrayList<>();
            assertThat(client.pullChanges(seen::add)).isEqualTo(1);
            assertThat(seen.getFirst().status()).isEqualTo(9);
            assertThat(client.pullChanges(seen::add)).isZero();
        }
    }

    @Test
    void aUsbPackageIsImportedAndItsReceiptConfirmsTheDossiers() throws Exception {
        try (HubClient client = Fixture.client(hub.base, dir.resolve("u.db"))) {
            client.enrol(Fixture.enrolmentCode(hub, "Quầy 5"), "Quầy 5");
            Outgoing a = Fixture.dossier(dir.resolve("f"), Dossiers.code(4, 5), 5, 2, 5000);
            Outgoing b = Fixture.dossier(dir.resolve("f"), Dossiers.code(4, 6), 6, 1, 7000);
            Path pkg = client.exportPackage(List.of(a, b), dir.resolve("usb"));
            assertThat(pkg.getFileName().toString()).endsWith(".mcpkg");
            Packages.Imported imported = hub.hub.packages().importPackage(Files.newInputStream(pkg), "test");
            Path receipt = dir.resolve("usb").resolve("r.mcrcpt");
            Files.write(receipt, imported.file());
            assertThat(client.importReceipt(receipt).entries()).filteredOn(e -> e.accepted()).extracting(e -> e.code())
                    .containsExactlyInAnyOrder(a.manifest().code(), b.manifest().code());
            assertThat(hub.count("select count(*) from dossiers")).isEqualTo(2);
            // a tampered receipt is refused
            byte[] bytes = imported.file().clone();
            bytes[bytes.length / 2] ^= 1;
            Files.write(receipt, bytes);
            assertThatThrownBy(() -> client.importReceipt(receipt)).isInstanceOfSatisfying(SyncException.class,
                    e -> assertThat(e.code()).isEqualTo("sync.error.receipt"));
        }
    }
}
