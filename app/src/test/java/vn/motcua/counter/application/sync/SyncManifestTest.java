package vn.motcua.counter.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.lifecycle.SupplementItem;
import vn.motcua.sync.wire.ContentHash;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.ManifestRules;
import vn.motcua.sync.wire.Sha256;

/** A dossier received and moved on a real counter, mapped to the hub's manifest and checked by the wire's rules. */
class SyncManifestTest {

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
    private CounterWiring counter;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, clock);
    }

    @AfterEach
    void close() {
        counter.close();
    }

    @Test
    void aReceivedDossierMapsToAWellFormedManifestWhoseFilesAreTheStoredOnes() throws Exception {
        DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                .dossier().code();
        DossierManifests manifests = new DossierManifests(counter.dossiers(), counter.captureStore(),
                counter.contents());

        DossierManifests.Mapped mapped = manifests.map(code, 1);
        DossierManifest m = mapped.manifest();
        ManifestRules.check(m);
        assertThat(m.code()).isEqualTo(code.value());
        assertThat(m.agencyCode()).isEqualTo(TestCounter.AGENCY);
        assertThat(m.status()).isEqualTo(2);
        assertThat(m.channel()).isEqualTo(1);
        assertThat(m.applicant().kind()).isEqualTo(DossierManifest.IdKind.PERSONAL_ID);
        assertThat(m.applicant().idNumber()).isEqualTo("001190012345");
        assertThat(m.applicant().name()).isEqualTo(TestCounter.APPLICANT_NAME);
        assertThat(m.receivedAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(m.receivedAt().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 23, 9, 30));
        assertThat(m.components()).hasSize(counter.dossiers().dossier(code).orElseThrow().documents().size());
        assertThat(m.components().stream().filter(c -> !c.files().isEmpty())).hasSize(2);
        assertThat(m.documents()).extracting(FileRef::kind).containsExactly(FileRef.Kind.RECEIPT);
        assertThat(m.events()).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("RECEIVED");
            assertThat(e.status()).isEqualTo(2);
        });
        // every file named is there, its size and SHA-256 those of the stored bytes
        assertThat(m.files()).hasSize(3);
        for (FileRef file : m.files()) {
            assertThat(mapped.files()).contains(file.sha256());
            byte[] bytes = counter.contents().read(file.sha256());   // plaintext through the (encrypting) store
            assertThat(Sha256.hex(bytes)).isEqualTo(file.sha256());
            assertThat((long) bytes.length).isEqualTo(file.size());
            assertThat(ManifestRules.isSafeFileName(file.name())).isTrue();
        }

        // mapping again gives the same content; a step changes it and is in the history with its status
        assertThat(ContentHash.of(manifests.map(code, 1).manifest())).isEqualTo(ContentHash.of(m));
        clock.set(LocalDateTime.of(2026, 11, 23, 14, 0));
        counter.lifecycle().requestSupplement(code, List.of(new SupplementItem("Giấy khai sinh", 1,
                SupplementItem.CopyKind.CERTIFIED_COPY)), "Thiếu bản chứng thực", counter.profile());
        DossierManifest later = manifests.map(code, 2).manifest();
        ManifestRules.check(later);
        assertThat(later.status()).isEqualTo(5);
        assertThat(later.events()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("SUPPLEMENT_REQUESTED");
            assertThat(e.status()).isEqualTo(5);
            assertThat(e.reason()).isEqualTo("Thiếu bản chứng thực");
        });
        assertThat(later.documents()).extracting(FileRef::kind)
                .containsExactly(FileRef.Kind.RECEIPT, FileRef.Kind.FORM);
    }
}
