package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;

/**
 * Who owns a dossier's status (PROTOCOL.md): a manifest the counter made before it had applied the department's
 * latest change is stored, but never moves the status back; one made after it does move it. Real hub over PostgreSQL.
 */
class StatusOwnershipTest {
    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    private static Dossiers.Sample sent(CounterClient counter, String code, long seed) throws Exception {
        Dossiers.Sample s = Dossiers.sample(code, seed, 1, 10_000);
        for (byte[] f : s.files()) {
            assertThat(counter.upload(f)).isEqualTo(204);
        }
        assertThat(counter.put(s.manifest()).statusCode()).isEqualTo(200);
        return s;
    }

    private static long status(String code) {
        return hub.count("select status from dossiers where code = '" + code + "'");
    }

    private static DossierManifest knowing(DossierManifest m, Long hubChange) {
        return new DossierManifest(m.code(), m.revision(), m.agencyCode(), m.procedure(), m.applicant(), m.summary(),
                m.receivedAt(), m.appointmentAt(), m.returnedAt(), m.status(), m.channel(), m.components(),
                m.documents(), m.events(), hubChange);
    }

    @Test
    void aCounterThatHadNotPulledNeverRevertsTheDepartmentsStatus() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy 1 - xã Đông");
        Dossiers.Sample s = sent(counter, Dossiers.code(5, 1), 11);
        String code = s.manifest().code();
        assertThat(status(code)).as("the counter's status until the department acts").isEqualTo(2);

        hub.hub.processing().changeStatus(code, 4, "Chuyên viên Lê Thị C", null);
        hub.hub.processing().requestSupplement(code, "Chuyên viên Lê Thị C", "Bổ sung bản chính giấy chứng sinh");
        assertThat(status(code)).isEqualTo(5);

        // the counter, not having pulled, hands the dossier to processing itself (2 -> 4) and sends revision 2
        var stale = s.revised(2, 4).manifest();
        assertThat(counter.put(stale).statusCode()).isEqualTo(200);
        assertThat(status(code)).as("the department's supplement request stands").isEqualTo(5);
        assertThat(hub.count("select count(*) from manifests where code = '" + code + "' and revision = 2"))
                .as("the manifest is stored whole, its status as information").isEqualTo(1);
        assertThat(hub.count("select count(*) from exports where code = '" + code
                + "' and service = 'DongBoHoSoMC' and (payload->>'TrangThaiHoSo')::int = 4"))
                .as("nor does the portal get the counter's stale status").isZero();

        // having applied change 1 (status 4) but not change 2 (the supplement request): still stale
        var halfway = knowing(s.revised(3, 4).manifest(), 1L);
        assertThat(counter.put(halfway).statusCode()).isEqualTo(200);
        assertThat(status(code)).isEqualTo(5);

        // having applied both, the citizen's supplement taken in: the counter moves it on (5 -> 4)
        Api.ChangesPage feed = counter.changes(null);
        long last = feed.changes().getLast().seq();
        var knew = knowing(s.revised(4, 4).manifest(), last);
        assertThat(counter.put(knew).statusCode()).isEqualTo(200);
        assertThat(status(code)).as("a counter that knew the department's latest change moves the status").isEqualTo(4);

        // an older revision arriving late changes nothing, as before
        assertThat(counter.put(stale).statusCode()).isEqualTo(200);
        assertThat(status(code)).isEqualTo(4);
    }

    @Test
    void withoutADepartmentChangeTheCountersStatusCounts() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy 2 - xã Tây");
        Dossiers.Sample s = sent(counter, Dossiers.code(5, 2), 12);
        String code = s.manifest().code();
        assertThat(counter.put(s.revised(2, 5).manifest()).statusCode()).isEqualTo(200);
        assertThat(status(code)).isEqualTo(5);
    }
}
