package vn.motcua.counter.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.sync.hub.support.TestHub;

/**
 * The counter's own services against the real hub on loopback over a real PostgreSQL: enrolment from the settings at
 * start, a dossier received with {@code ReceptionService} is sent by the pipeline, stored on the hub once.
 */
class SyncHubTest {

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    @Test
    void aReceivedDossierIsOnTheHubAfterEnrolmentFromTheSettings() throws Exception {
        try (TestHub hub = TestHub.start(hubData)) {
            String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
            Map<String, String> values = new HashMap<>(Map.of(Settings.DATA_DIR, data.toString(),
                    Settings.AGENCY_CODE, TestCounter.AGENCY, Settings.CLERK_NAME, "Trần Văn Bình",
                    Settings.OCR_WORKERS, "0", "hub.url", hub.base.toString(), "hub.enrolment", enrolment,
                    "proxy.mode", "direct"));
            try (CounterWiring counter = CounterWiring.open(Settings.of(values),
                    new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30)))) {
                assertThat(counter.syncing().enabled()).isTrue();
                DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                        .dossier().code();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (counter.syncing().of(code).state() != Syncing.State.SENT && System.nanoTime() < deadline) {
                    counter.syncing().syncNow(Duration.ofSeconds(5));
                    Thread.sleep(100);
                }
                assertThat(counter.syncing().of(code).state()).as(String.valueOf(counter.syncing().of(code)))
                        .isEqualTo(Syncing.State.SENT);
                assertThat(hub.count("select count(*) from manifests")).isEqualTo(1);
                assertThat(hub.count("select count(*) from dossier_files")).isEqualTo(3);
                // the counter keeps the files sealed (decision 1201); the hub checked each upload against its
                // SHA-256, so what it received was the plaintext, read through the content store
                var dossier = counter.dossiers().dossier(code).orElseThrow();
                for (var document : dossier.documents()) {
                    for (var page : document.pages()) {
                        assertThat(vn.motcua.counter.adapters.protection.FileCipher.isEncrypted(
                                java.nio.file.Files.readAllBytes(TestCounter.storedFile(data, page.contentId()))))
                                .isTrue();
                    }
                }
            }
        }
    }
}
