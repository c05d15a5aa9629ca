package vn.motcua.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.service.Counters;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.Keys;

/**
 * Issue 13: an enrolment whose answer is lost (the hub committed, the link cut before the answer arrived, the counter
 * closed meanwhile) no longer uses the code up. The real hub on loopback over a real PostgreSQL, the answer dropped
 * by {@link FaultProxy}, the client's state in a real SQLite file.
 */
class EnrolAfterLostAnswerTest {
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

    private static HubClient through(FaultProxy proxy, Path db) {
        return HubClient.builder(proxy.uri()).proxy(ProxySettings.direct()).state(Fixture.sqlite(db))
                .timeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5)).build();
    }

    private Counters.Counter atHub(String name) {
        return hub.hub.counters().list().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @Timeout(120)
    void theAnswerLostAndTheCounterRestartedTheSameCodeEnrolsItAndItDelivers() throws Exception {
        Path db = dir.resolve("counter.db");
        String code = Fixture.enrolmentCode(hub, "Quầy mất trả lời");
        try (FaultProxy proxy = new FaultProxy(hub.server.port(), 7)) {
            proxy.dropAnswers = true;
            try (HubClient client = through(proxy, db)) {
                assertThatThrownBy(() -> client.enrol(code, "Quầy mất trả lời"))
                        .isInstanceOfSatisfying(SyncException.class,
                                e -> assertThat(e.kind()).isEqualTo(SyncException.Kind.TRANSIENT));
                assertThat(client.enrolled()).isFalse();
            }
            // the hub did enrol it, with the key the counter kept
            Counters.Counter enrolled = atHub("Quầy mất trả lời");
            assertThat(hub.count("select count(*) from enrolment_codes where used_at is not null")).isEqualTo(1);
            SyncState.PendingEnrolment kept = Fixture.sqlite(db).pendingEnrolment().orElseThrow();
            assertThat(hub.count("select count(*) from counters where public_key = decode('"
                    + java.util.HexFormat.of().formatHex(kept.counterKey().getPublic().getEncoded()) + "', 'hex')"))
                    .isEqualTo(1);

            // the link is back; the counter was closed meanwhile: a new client over the same file asks again
            proxy.dropAnswers = false;
            try (HubClient client = through(proxy, db)) {
                CounterCredential cred = client.enrol(code, "Quầy mất trả lời");
                assertThat(cred.counterId()).isEqualTo(enrolled.id());
                assertThat(cred.counterKey().getPublic()).isEqualTo(kept.counterKey().getPublic());
                assertThat(cred.hubPublicKey()).isEqualTo(hub.hub.keys().publicKey());
                assertThat(Fixture.sqlite(db).pendingEnrolment()).isEmpty();

                Outgoing d = Fixture.dossier(dir.resolve("files"), Dossiers.code(7, 1), 71, 2, 50_000);
                Api.ManifestAccepted ok = client.deliver(d.manifest(), d.filesBySha256(), null);
                assertThat(ok.revision()).isEqualTo(1);
            }
        }
        assertThat(hub.count("select count(*) from counters")).isEqualTo(1);
        assertThat(hub.count("select count(*) from dossiers where counter_id = '" + atHub("Quầy mất trả lời").id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aUsedCodeWithAnotherKeyIsRefused() throws Exception {
        String code = Fixture.enrolmentCode(hub, "Quầy 1");
        try (HubClient first = Fixture.client(hub.base, dir.resolve("first.db"))) {
            first.enrol(code, "Quầy 1");
        }
        // another counter PC (its own SQLite file, its own key) tries the same code
        try (HubClient other = Fixture.client(hub.base, dir.resolve("other.db"))) {
            assertThatThrownBy(() -> other.enrol(code, "Quầy 1"))
                    .isInstanceOfSatisfying(SyncException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SyncException.Kind.BLOCKED);
                        assertThat(e.code()).isEqualTo(SyncException.ENROLMENT_REFUSED);
                    });
            assertThat(other.enrolled()).isFalse();
        }
        // the first counter's credential still works
        try (HubClient first = Fixture.client(hub.base, dir.resolve("first.db"))) {
            Outgoing d = Fixture.dossier(dir.resolve("files"), Dossiers.code(7, 2), 72, 1, 20_000);
            assertThat(first.deliver(d.manifest(), d.filesBySha256(), null).revision()).isEqualTo(1);
        }
    }

    @Test
    void thePendingKeyIsKeptBeforeAskingSurvivesARestartAndIsSentAgain() throws Exception {
        Path db = dir.resolve("counter.db");
        // the hub cannot be reached at all: the key is kept anyway
        try (FaultProxy proxy = new FaultProxy(hub.server.port(), 9)) {
            proxy.down(true);
            try (HubClient client = through(proxy, db)) {
                assertThatThrownBy(() -> client.enrol("ABCD-EFGH", "Quầy 2")).isInstanceOf(SyncException.class);
            }
        }
        SyncState.PendingEnrolment kept = Fixture.sqlite(db).pendingEnrolment().orElseThrow();
        assertThat(kept.counterName()).isEqualTo("Quầy 2");
        assertThat(kept.toString()).doesNotContain(Keys.encode(kept.counterKey().getPublic()));
        // a wrong code: refused, the key still kept for the next try
        try (HubClient client = Fixture.client(hub.base, db)) {
            assertThatThrownBy(() -> client.enrol("ABCD-EFGH", "Quầy 2"))
                    .isInstanceOfSatisfying(SyncException.class,
                            e -> assertThat(e.code()).isEqualTo(SyncException.ENROLMENT_REFUSED));
        }
        assertThat(Fixture.sqlite(db).pendingEnrolment().orElseThrow().counterKey().getPublic())
                .isEqualTo(kept.counterKey().getPublic());
        // after a restart, the right code: the same key goes to the hub, and the pending entry is gone
        try (HubClient client = Fixture.client(hub.base, db)) {
            CounterCredential cred = client.enrol(Fixture.enrolmentCode(hub, "Quầy 2"), "Quầy 2");
            assertThat(cred.counterKey().getPublic()).isEqualTo(kept.counterKey().getPublic());
            assertThat(cred.counterKey().getPrivate().getEncoded()).isEqualTo(kept.counterKey().getPrivate().getEncoded());
        }
        assertThat(Fixture.sqlite(db).pendingEnrolment()).isEmpty();
        assertThat(Fixture.sqlite(db).credential()).isPresent();
        assertThat(hub.count("select count(*) from counters where key_id is not null")).isEqualTo(1);
    }
}
