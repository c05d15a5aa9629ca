package vn.motcua.counter.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.lifecycle.SupplementItem;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;

/**
 * The outbox and the sending stage on a real counter (SQLite file, content store, stage runner) in front of the real
 * hub on loopback over PostgreSQL, reached through a {@link FaultProxy} that can take the link down.
 */
class SyncOutboxTest {

    @TempDir
    Path hubData;
    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
    private TestHub hub;
    private FaultProxy link;
    private CounterWiring counter;

    @BeforeEach
    void startHub() throws IOException {
        hub = TestHub.start(hubData);   // each test its own hub: the counters' dossier codes repeat
        link = new FaultProxy(hub.server.port(), 1);
    }

    @AfterEach
    void close() throws Exception {
        if (counter != null) {
            counter.close();
        }
        link.close();
        hub.close();
    }

    /** The counter with {@code hub.url} through the link, enrolled at start unless {@code enrolment} is null. */
    private void openCounter(String enrolment) {
        counter = CounterWiring.open(TestCounter.hubSettings(data, link.uri().toString(), enrolment), clock);
    }

    private void openEnrolled() throws InterruptedException {
        openCounter(enrolmentCode());
        TestCounter.awaitEnrolled(counter);
    }

    private String enrolmentCode() {
        return hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
    }

    private DossierCode receive() {
        return counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
    }

    private WorkItem sendItem(DossierCode code) {
        return counter.stages().itemsOf(code).stream().filter(i -> i.stage() == Stage.SEND_DOSSIER).findFirst()
                .orElseThrow();
    }

    private void idle() throws InterruptedException {
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    private long onHub(DossierCode code, String condition) {
        return hub.count("select count(*) from manifests where code = '" + code.value() + "' and " + condition);
    }

    @Test
    void aReceivedDossierReachesTheHubWithItsFilesAndAChangeSendsTheNextRevision() throws Exception {
        openEnrolled();
        DossierCode code = receive();
        idle();
        assertThat(onHub(code, "revision = 1 and (body->>'status')::int = 2")).isEqualTo(1);
        assertThat(hub.count("select count(*) from dossier_files f join blobs b on b.sha256 = f.sha256 where f.code = '"
                + code.value() + "'")).as("every file stored, its SHA-256 checked by the hub").isEqualTo(3);
        assertThat(sendItem(code).state()).isEqualTo(WorkState.DONE);
        assertThat(counter.syncRecords().revisions(code).orElseThrow().sentRevision()).isEqualTo(1);
        assertThat(counter.syncing().of(code).state()).isEqualTo(Syncing.State.SENT);
        assertThat(counter.syncing().overview()).isEqualTo(new Syncing.Overview(true, 0, 0, 0));

        // a supplement request reopens the item in its own transaction: "needs update", then revision 2 is sent
        counter.pipeline().pause();
        clock.set(LocalDateTime.of(2026, 11, 23, 14, 0));
        counter.lifecycle().requestSupplement(code, List.of(new SupplementItem("Giấy khai sinh", 1,
                SupplementItem.CopyKind.CERTIFIED_COPY)), "Thiếu bản chứng thực", counter.profile());
        assertThat(sendItem(code).state()).isEqualTo(WorkState.WAITING);
        assertThat(counter.syncing().of(code).state()).isEqualTo(Syncing.State.NEEDS_UPDATE);
        counter.pipeline().resume();
        idle();
        assertThat(onHub(code, "revision = 2 and (body->>'status')::int = 5")).isEqualTo(1);
        assertThat(onHub(code, "true")).as("no other revision").isEqualTo(2);
        assertThat(counter.syncRecords().revisions(code).orElseThrow().sentRevision()).isEqualTo(2);
    }

    @Test
    void offlineTheDossierWaitsAndIsSentWhenTheLinkIsBackAndSyncNowIsAsked() throws Exception {
        openEnrolled();
        link.down(true);
        DossierCode code = receive();
        idle();
        WorkItem waiting = sendItem(code);
        assertThat(waiting.state()).isEqualTo(WorkState.WAITING);
        assertThat(waiting.error().messageKey()).isEqualTo("sync.error.offline");
        assertThat(waiting.notBefore()).isNotNull();
        assertThat(onHub(code, "true")).isZero();
        Syncing.DossierSync state = counter.syncing().of(code);
        assertThat(state.state()).isEqualTo(Syncing.State.WAITING);
        assertThat(state.reason().messageKey()).isEqualTo("sync.error.offline");
        assertThat(counter.syncing().overview().waiting()).isEqualTo(1);
        assertThat(counter.syncing().waitingForTheLink()).isTrue();

        link.down(false);
        assertThat(counter.syncing().syncNow(Duration.ofSeconds(30)))
                .isEqualTo(new Syncing.Overview(true, 0, 0, 0));
        assertThat(onHub(code, "revision = 1")).isEqualTo(1);
        assertThat(sendItem(code).state()).isEqualTo(WorkState.DONE);
    }

    @Test
    void anUnenrolledCounterWaitsBlockedAndAConflictFailsWithItsReason() throws Exception {
        openCounter(null);   // no enrolment code provisioned yet
        DossierCode code = receive();
        idle();
        assertThat(sendItem(code).state()).isEqualTo(WorkState.BLOCKED);
        assertThat(sendItem(code).error().messageKey()).isEqualTo("sync.error.not_enrolled");
        counter.close();

        openEnrolled();   // IT staff provisioned the code; the start enrols and unblocks what waits
        idle();
        assertThat(counter.syncing().of(code).state()).isEqualTo(Syncing.State.SENT);
        assertThat(onHub(code, "revision = 1")).isEqualTo(1);

        // the counter forgets what it sent (a folder restored from an old backup) and the dossier changed since:
        // its revision 1 is now other content under a number the hub has, a conflict, never an overwrite
        counter.pipeline().pause();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("motcua.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.executeUpdate("DELETE FROM sync_revisions");
        }
        counter.lifecycle().process(code, "", counter.profile());
        counter.pipeline().resume();
        idle();
        WorkItem failed = sendItem(code);
        assertThat(failed.state()).isEqualTo(WorkState.FAILED);
        assertThat(failed.error().messageKey()).isEqualTo("sync.error.conflict");
        assertThat(counter.syncing().of(code).state()).isEqualTo(Syncing.State.FAILED);
        assertThat(counter.syncing().overview().failed()).isEqualTo(1);
        assertThat(onHub(code, "(body->>'status')::int = 4")).as("the hub kept its revision").isZero();

        // a retry offers the same content again, and the hub refuses it again: nothing is overwritten by retrying
        assertThat(counter.syncing().retry(code)).isTrue();
        idle();
        assertThat(counter.syncing().of(code).state()).isEqualTo(Syncing.State.FAILED);
    }
}
