package vn.motcua.counter.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.DossierList;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Status;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.FileRef;

/**
 * The department's work on the hub (status changes, supplement requests, results) pulled into the counter's dossiers:
 * a real counter (SQLite file, stage runner, sync client) in front of the real hub on loopback over PostgreSQL, through
 * a {@link FaultProxy} that can cut the link. Background pulls run only after a delivery ({@code sync.pull_seconds=0}).
 */
class HubChangesHubTest {

    private static final String OFFICER = "Chuyên viên Lê Văn Tâm";

    @TempDir
    Path hubData;
    @TempDir
    Path data;

    private TestHub hub;
    private FaultProxy link;
    private CounterWiring counter;

    @BeforeEach
    void startHub() throws IOException {
        hub = TestHub.start(hubData);
        link = new FaultProxy(hub.server.port(), 7);
    }

    @AfterEach
    void close() throws Exception {
        if (counter != null) {
            counter.close();
        }
        link.close();
        hub.close();
    }

    private void openEnrolled() throws InterruptedException {
        String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
        counter = CounterWiring.open(TestCounter.hubSettings(data, link.uri().toString(), enrolment,
                Map.of(Settings.SYNC_PULL_SECONDS, "0")), java.time.Clock.systemDefaultZone());
        TestCounter.awaitEnrolled(counter);
    }

    /** A dossier received and on the hub, and the pull that its delivery asked for done. */
    private DossierCode receivedAndSent() throws InterruptedException {
        DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier()
                .code();
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(hub.count("select count(*) from manifests where code = '" + code.value() + "'")).isEqualTo(1);
        for (int i = 0; i < 100 && counter.hubChanges().last().isEmpty(); i++) {
            Thread.sleep(100);   // the pull a delivery asks for runs ChangesPulling.AFTER_SENDING later
        }
        assertThat(counter.hubChanges().last()).as("a pull after the delivery").isPresent();
        return code;
    }

    private void syncNow() throws InterruptedException {
        counter.syncing().syncNow(Duration.ofSeconds(30));
        assertThat(counter.syncing().lastPull().orElseThrow().error()).isNull();
    }

    private List<DossierEvent> fromHub(DossierCode code) {
        return counter.lifecycle().history(code).stream().filter(e -> e.kind().startsWith("HUB_")).toList();
    }

    private Status status(DossierCode code) {
        return counter.lifecycle().dossier(code).status();
    }

    private long hubStatus(DossierCode code) {
        return hub.count("select status from dossiers where code = '" + code.value() + "'");
    }

    private long rows(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("motcua.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static LocalDateTime vietnam(Api.Change change) {
        return change.at().withOffsetSameInstant(ZoneOffset.ofHours(7)).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void theDepartmentsStatusSupplementRequestAndResultShowInTheDossierAfterSyncNowAndComeOnce() throws Exception {
        openEnrolled();
        DossierCode code = receivedAndSent();
        String c = code.value();

        hub.hub.processing().changeStatus(c, 4, OFFICER, null);
        hub.hub.processing().requestSupplement(c, OFFICER, "Bổ sung bản sao giấy khai sinh");
        syncNow();
        assertThat(status(code)).isEqualTo(Status.SUPPLEMENT_REQUESTED);
        List<Api.Change> onHub = hub.hub.changes().ofDossier(c);
        assertThat(fromHub(code)).extracting(DossierEvent::kind)
                .containsExactly(HubChanges.STATUS_EVENT, HubChanges.SUPPLEMENT_EVENT);
        assertThat(fromHub(code)).extracting(DossierEvent::actor).containsOnly(OFFICER);
        assertThat(fromHub(code)).extracting(DossierEvent::at)
                .as("when the department did it, in Vietnam time").containsExactly(vietnam(onHub.get(0)), vietnam(onHub.get(1)));
        assertThat(fromHub(code).get(1).detail()).contains("status=4->5").contains("Bổ sung bản sao giấy khai sinh");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE))) {
            assertThat(vn.motcua.counter.SqlRows.rows(db, "SELECT reason FROM hub_changes WHERE reason IS NOT NULL", null))
                    .as("the department's reason is sealed at rest").isNotEmpty()
                    .allMatch(row -> row.getFirst().startsWith("~1") && !row.getFirst().contains("Bổ sung"));
        }
        assertThat(counter.lists().list(DossierList.SUPPLEMENT_REQUESTED)).extracting(DossierSummary::code)
                .as("in the clerk's list of dossiers waiting for a supplement").containsExactly(c);

        // the applicant brings the papers: the clerk hands the dossier back (5 -> 4); the counter had applied the
        // department's latest change, so the hub takes its status
        counter.lifecycle().process(code, "Đã nhận bản sao giấy khai sinh", counter.profile());
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(hubStatus(code)).isEqualTo(4);

        String receipt = hub.hub.database().read(x -> {
            try (Statement s = x.createStatement(); ResultSet rs = s.executeQuery(
                    "select sha256 from dossier_files where code = '" + c + "' order by sha256 limit 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
        long size = hub.count("select size from blobs where sha256 = '" + receipt + "'");
        hub.hub.processing().changeStatus(c, 9, OFFICER, null);
        hub.hub.processing().attachResults(c, List.of(new FileRef(receipt, size, "giay-xac-nhan.pdf",
                FileRef.Kind.RESULT)), OFFICER, "Giấy xác nhận tình trạng hôn nhân");
        syncNow();
        assertThat(status(code)).isEqualTo(Status.RESOLVED);
        assertThat(counter.lists().list(DossierList.READY_TO_RETURN)).extracting(DossierSummary::code)
                .as("result ready: in the clerk's list to return").containsExactly(c);
        DossierEvent result = fromHub(code).getLast();
        assertThat(result.kind()).isEqualTo(HubChanges.RESULT_EVENT);
        assertThat(result.detail()).contains("results=1").contains("Giấy xác nhận tình trạng hôn nhân");
        int events = counter.lifecycle().history(code).size();
        long taken = rows("select count(*) from hub_changes");
        assertThat(taken).isEqualTo(hub.count("select count(*) from changes"));

        // a second pull applies nothing; nor does a pull from the start (the cursor lost after applying: a crash
        // between the changes' commit and the cursor's), each change recognised by its seq
        HubChanges.Pulled again = counter.hubChanges().pull();
        assertThat(again.applied() + again.refused() + again.unknown() + again.repeated()).isZero();
        try (Connection x = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("motcua.db"));
             Statement s = x.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM sync_cursor")).isEqualTo(1);
        }
        HubChanges.Pulled fromStart = counter.hubChanges().pull();
        assertThat(fromStart.repeated()).isEqualTo((int) taken);
        assertThat(fromStart.applied()).isZero();
        assertThat(counter.lifecycle().history(code)).hasSize(events);
        assertThat(rows("select count(*) from hub_changes")).isEqualTo(taken);
        assertThat(status(code)).isEqualTo(Status.RESOLVED);
    }

    @Test
    void aManifestSentBeforeThePullNeverRevertsTheDepartmentAndTheCounterFollowsTheHub() throws Exception {
        openEnrolled();
        DossierCode code = receivedAndSent();
        String c = code.value();

        // the department asks for a supplement (2 -> 5) while the clerk, not knowing, hands the dossier to
        // processing (2 -> 4); that manifest reaches the hub before the counter pulled
        counter.pipeline().pause();
        hub.hub.processing().requestSupplement(c, OFFICER, "Bổ sung giấy ủy quyền");
        counter.lifecycle().process(code, null, counter.profile());
        counter.pipeline().resume();
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(hub.count("select count(*) from manifests where code = '" + c
                + "' and revision = 2 and (body->>'status')::int = 4")).isEqualTo(1);
        assertThat(hubStatus(code)).as("the department's supplement request stands").isEqualTo(5);

        syncNow();
        assertThat(status(code)).as("the counter follows the hub (4 -> 5)").isEqualTo(Status.SUPPLEMENT_REQUESTED);
        assertThat(fromHub(code)).extracting(DossierEvent::detail).anyMatch(d -> d.startsWith("status=4->5"));
        assertThat(hubStatus(code)).isEqualTo(5);
    }

    @Test
    void changesForUnknownDossiersAndStepsTheLifecycleRefusesAreRecordedAndTheFeedGoesOn() throws Exception {
        openEnrolled();
        DossierCode code = receivedAndSent();
        // the clerk stops the dossier here (final), the department then moves it on the hub
        counter.pipeline().pause();
        counter.lifecycle().stop(code, "Công dân không bổ sung", counter.profile());
        hub.hub.processing().changeStatus(code.value(), 4, OFFICER, null);
        // a change naming a dossier this counter does not hold (e.g. its rows removed by retention)
        HubChanges changes = counter.hubChanges();
        assertThat(changes.apply(new Api.Change(1_000_000, "000.00.00.H26-261201-0999", Api.ChangeKind.STATUS, 4,
                java.time.OffsetDateTime.now(), OFFICER, null, List.of()))).contains(
                vn.motcua.counter.domain.lifecycle.HubOutcome.UNKNOWN_DOSSIER);
        HubChanges.Pulled pulled = changes.pull();
        assertThat(pulled.refused()).isEqualTo(1);
        assertThat(status(code)).isEqualTo(Status.STOPPED);
        assertThat(fromHub(code)).extracting(DossierEvent::kind).containsExactly(HubChanges.REFUSED_EVENT);
        assertThat(fromHub(code).getFirst().detail()).contains("status=8->8").contains("hub=4");
        assertThat(counter.hubChangeLog().notApplied(10)).extracting(e -> e.outcome().name())
                .containsExactly("UNKNOWN_DOSSIER", "REFUSED");
        HubChanges.Pulled again = changes.pull();
        assertThat(again.applied() + again.refused() + again.repeated()).as("not retried").isZero();
        assertThat(fromHub(code)).hasSize(1);
    }

    @Test
    void aLinkCutMidPullResumesFromTheStoredCursorWithoutLosingOrRepeatingAChange() throws Exception {
        openEnrolled();
        DossierCode code = receivedAndSent();
        String c = code.value();
        int n = 450;   // three pages of the client's 200
        hub.hub.processing().changeStatus(c, 4, OFFICER, null);
        for (int i = 1; i < n; i++) {
            if (i % 2 == 1) {
                hub.hub.processing().requestSupplement(c, OFFICER, "Bổ sung lần " + i);
            } else {
                hub.hub.processing().changeStatus(c, 4, OFFICER, "Đã bổ sung lần " + (i - 1));
            }
        }
        link.delayMillis = 100;   // each page takes a while on the wire: the cut lands within the pull
        AtomicBoolean cut = new AtomicBoolean();
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            try {
                for (int i = 0; i < 3000 && !cut.get(); i++) {
                    if (rows("select count(*) from hub_changes") >= 200) {
                        link.down(true);   // the first page applied: the link goes down under the next one
                        cut.set(true);
                    }
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HubLink.HubFailure failure = null;
        try {
            counter.hubChanges().pull();
        } catch (HubLink.HubFailure e) {
            failure = e;
        }
        watcher.join(10_000);
        assertThat(cut).isTrue();
        assertThat(failure).as("the pull stopped at the cut").isNotNull();
        assertThat(rows("select count(*) from hub_changes")).as("the first page, whole").isEqualTo(200);
        assertThat(rows("select count(*) from sync_cursor")).isEqualTo(1);

        link.down(false);
        HubChanges.Pulled rest = counter.hubChanges().pull();
        assertThat(rest.repeated()).as("nothing handed over twice: the cursor was kept").isZero();
        assertThat(rest.applied()).isEqualTo(n - 200);
        assertThat(rows("select count(*) from hub_changes")).isEqualTo(n);
        assertThat(rows("select count(*) from hub_changes where outcome = 'APPLIED'")).isEqualTo(n);
        assertThat(rows("select min(seq) from hub_changes")).isEqualTo(1);
        assertThat(rows("select max(seq) from hub_changes")).isEqualTo(n);
        assertThat(fromHub(code)).hasSize(n);
        assertThat(status(code).portalCode()).isEqualTo((int) hubStatus(code));
    }
}
