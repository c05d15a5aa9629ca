package vn.motcua.counter.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.lifecycle.SupplementItem;
import vn.motcua.sync.wire.ContentHash;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.ManifestRules;
import vn.motcua.sync.wire.Sha256;

/**
 * The outbox and the sending stage on a real counter (SQLite file, content store, stage runner), in front of an
 * in-process stand-in for the hub that keeps the hub's rules (SHA-256 of every file checked, same revision with other
 * content is a conflict). The sync client library was not merged when this was written; the same scenarios against
 * the real hub on loopback are what is left (docs/decisions/0802-sync-in-the-counter.md).
 */
class SyncOutboxTest {

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
    private final SyncOutboxTestHub hub = new SyncOutboxTestHub();
    private CounterWiring counter;

    @BeforeEach
    void open() {
        counter = CounterWiring.open(TestCounter.settings(data), clock, hub);
    }

    @AfterEach
    void close() {
        counter.close();
    }

    private DossierCode receive() {
        return counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
    }

    private WorkItem sendItem(DossierCode code) {
        return counter.stages().itemsOf(code).stream().filter(i -> i.stage() == Stage.SEND_DOSSIER).findFirst()
                .orElseThrow();
    }

    private void idle() throws InterruptedException {
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void aReceivedDossierReachesTheHubWithItsFilesAndAChangeSendsTheNextRevision() throws Exception {
        DossierCode code = receive();
        idle();
        DossierManifest sent = hub.accepted.get(code.value() + "#1");
        assertThat(sent).isNotNull();
        assertThat(sent.status()).isEqualTo(2);
        assertThat(sent.files()).hasSize(3);
        assertThat(hub.sha256Checked).containsAll(sent.files().stream().map(FileRef::sha256).toList());
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
        assertThat(hub.accepted.get(code.value() + "#2").status()).isEqualTo(5);
        assertThat(counter.syncRecords().revisions(code).orElseThrow().sentRevision()).isEqualTo(2);
        assertThat(hub.deliveries).isEqualTo(2);
    }

    @Test
    void offlineTheDossierWaitsAndIsSentWhenTheLinkIsBackAndSyncNowIsAsked() throws Exception {
        hub.online = false;
        DossierCode code = receive();
        idle();
        WorkItem waiting = sendItem(code);
        assertThat(waiting.state()).isEqualTo(WorkState.WAITING);
        assertThat(waiting.error().messageKey()).isEqualTo("sync.error.offline");
        assertThat(waiting.notBefore()).isNotNull();
        assertThat(hub.accepted).isEmpty();
        Syncing.DossierSync state = counter.syncing().of(code);
        assertThat(state.state()).isEqualTo(Syncing.State.WAITING);
        assertThat(state.reason().messageKey()).isEqualTo("sync.error.offline");
        assertThat(counter.syncing().overview().waiting()).isEqualTo(1);

        hub.online = true;
        assertThat(counter.syncing().syncNow(Duration.ofSeconds(20)))
                .isEqualTo(new Syncing.Overview(true, 0, 0, 0));
        assertThat(hub.accepted).containsKey(code.value() + "#1");
        assertThat(sendItem(code).state()).isEqualTo(WorkState.DONE);
    }

    @Test
    void aConflictFailsWithItsReasonAndAnUnenrolledCounterWaitsBlocked() throws Exception {
        hub.enrolled = false;
        DossierCode code = receive();
        idle();
        assertThat(sendItem(code).state()).isEqualTo(WorkState.BLOCKED);
        assertThat(sendItem(code).error().messageKey()).isEqualTo("sync.error.not_enrolled");

        hub.enrolled = true;
        hub.conflictOn = code.value();
        assertThat(counter.pipeline().unblock(SendDossierStage.WAITING_FOR)).isEqualTo(1);
        idle();
        WorkItem failed = sendItem(code);
        assertThat(failed.state()).isEqualTo(WorkState.FAILED);
        assertThat(failed.error().messageKey()).isEqualTo("sync.error.conflict");
        assertThat(counter.syncRecords().revisions(code).orElseThrow().sentRevision()).isNull();
        assertThat(counter.syncing().of(code).state()).isEqualTo(Syncing.State.FAILED);
        assertThat(counter.syncing().overview().failed()).isEqualTo(1);

        // the clerk's retry once the conflict is settled at the hub
        hub.conflictOn = null;
        assertThat(counter.syncing().retry(code)).isTrue();
        idle();
        assertThat(counter.syncing().of(code).state()).isEqualTo(Syncing.State.SENT);
    }
}
