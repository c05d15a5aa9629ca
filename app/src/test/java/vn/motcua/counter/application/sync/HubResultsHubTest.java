package vn.motcua.counter.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.DossierList;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.atrest.DataFolderBytes;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.sync.hub.service.Uploads;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Sha256;

/**
 * The result documents the department attaches on the hub come back to the counter (decision 0803): a real counter
 * (SQLite file, stage runner, encrypted content store, sync client) pulls the RESULT change from the real hub on
 * loopback over PostgreSQL, through a {@link FaultProxy} that can cut the link, and its FETCH_RESULT stage downloads
 * each file into the content store and attaches it to the dossier once, with no plain copy left in the data folder.
 */
class HubResultsHubTest {

    private static final String OFFICER = "Chuyên viên Lê Văn Tâm";
    /** Words inside the result that someone searching a copied disk would look for. */
    private static final String SECRET = "QUYẾT ĐỊNH cấp giấy phép cho ông Phạm Văn Đồng";
    private static final String FILE_NAME = "quyet-dinh-Pham-Van-Dong.pdf";

    @TempDir
    Path hubData;
    @TempDir
    Path data;

    private TestHub hub;
    private FaultProxy link;
    private CounterWiring counter;
    private String enrolment;

    @BeforeEach
    void startHub() throws Exception {
        hub = TestHub.start(hubData);
        link = new FaultProxy(hub.server.port(), 11);
        enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
    }

    @AfterEach
    void close() throws Exception {
        if (counter != null) {
            counter.close();
        }
        link.close();
        hub.close();
    }

    private void open() throws InterruptedException {
        counter = CounterWiring.open(TestCounter.hubSettings(data, link.uri().toString(), enrolment,
                Map.of(Settings.SYNC_PULL_SECONDS, "0")), java.time.Clock.systemDefaultZone());
        TestCounter.awaitEnrolled(counter);
    }

    private DossierCode receivedAndSent() throws InterruptedException {
        DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier()
                .code();
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(hub.count("select count(*) from manifests where code = '" + code.value() + "'")).isEqualTo(1);
        return code;
    }

    /** A PDF the department scanned and signed, as the hub's staff page stores it. */
    private FileRef departmentStores(String name, int kilobytes) throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; pdf.size() < kilobytes * 1024; i++) {
            pdf.writeBytes(("% " + SECRET + " – trang " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Uploads.StoredFile stored = hub.hub.uploads().storeWhole(new ByteArrayInputStream(pdf.toByteArray()), null,
                10_000_000);
        return new FileRef(stored.sha256(), stored.size(), name, FileRef.Kind.RESULT);
    }

    private List<ResultPage> results(DossierCode code) {
        return counter.lifecycle().progress(code).results();
    }

    private List<WorkItem> fetches(DossierCode code) {
        return counter.stages().itemsOf(code).stream().filter(i -> i.stage() == Stage.FETCH_RESULT).toList();
    }

    private long rows(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Neither the result's words nor its name lie in plain in any file of the counter's data folder. */
    private void assertNothingPlainInTheDataFolder() throws Exception {
        for (String text : List.of(SECRET, FILE_NAME, "Phạm Văn Đồng")) {
            assertThat(DataFolderBytes.filesHolding(data, text.getBytes(StandardCharsets.UTF_8)))
                    .as("'%s' in plain", text).isEmpty();
        }
    }

    @Test
    void theDepartmentsResultIsDownloadedEncryptedAttachedOnceAndReturnedAtTheCounter() throws Exception {
        open();
        DossierCode code = receivedAndSent();
        String c = code.value();
        FileRef result = departmentStores(FILE_NAME, 300);
        hub.hub.processing().changeStatus(c, 4, OFFICER, null);
        hub.hub.processing().attachResults(c, List.of(result), OFFICER, "Quyết định cấp phép");
        hub.hub.processing().changeStatus(c, 9, OFFICER, null);

        counter.syncing().syncNow(Duration.ofSeconds(60));

        assertThat(counter.lifecycle().dossier(code).status()).isEqualTo(Status.RESOLVED);
        assertThat(results(code)).singleElement().satisfies(r -> {
            assertThat(r.documentName()).isEqualTo(FILE_NAME);
            assertThat(r.page().source()).isEqualTo(Page.PageSource.HUB);
            assertThat(r.page().mediaType()).isEqualTo("application/pdf");
            assertThat(r.page().contentId()).isEqualTo(result.sha256());
            assertThat(r.page().byteSize()).isEqualTo(result.size());
            assertThat(r.attachedBy()).isEqualTo(OFFICER);
        });
        assertThat(Sha256.hex(counter.contents().read(result.sha256())))
                .as("the bytes in the counter's store are the hub's").isEqualTo(result.sha256());
        assertThat(fetches(code)).singleElement().extracting(WorkItem::state).isEqualTo(WorkState.DONE);
        assertThat(counter.lists().list(DossierList.READY_TO_RETURN)).extracting(DossierSummary::code)
                .as("in the clerk's list of results to return").containsExactly(c);
        assertThat(counter.lifecycle().history(code)).extracting(e -> e.kind())
                .contains(HubChanges.RESULT_EVENT, "RESULT_ATTACHED");
        assertThat(counter.signedCopies().of(code)).filteredOn(d -> d.result()).singleElement()
                .satisfies(d -> {
                    assertThat(d.componentName()).isEqualTo(FILE_NAME);
                    assertThat(Sha256.hex(d.pdf())).as("the clerk opens the hub's bytes").isEqualTo(result.sha256());
                });
        assertNothingPlainInTheDataFolder();

        // the change handed over again (the cursor lost after applying) and the same file attached again on the hub
        // by a later change: still one result
        try (Connection x = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
             Statement s = x.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM sync_cursor")).isEqualTo(1);
        }
        hub.hub.processing().attachResults(c, List.of(result), OFFICER, "Gửi lại quyết định");
        counter.syncing().syncNow(Duration.ofSeconds(60));
        assertThat(counter.hubChanges().last().orElseThrow().pulled().repeated()).as("handed over again").isEqualTo(3);
        assertThat(rows("select count(*) from hub_changes where kind = 'RESULT'")).isEqualTo(2);
        assertThat(results(code)).as("the same SHA-256 twice: attached once").hasSize(1);
        assertThat(rows("select count(*) from hub_result_files")).isEqualTo(1);
        assertThat(fetches(code)).hasSize(1);

        // the clerk hands the department's result to the citizen without scanning paper
        assertThat(counter.lifecycle().returnResult(code, 1, counter.profile())).isEqualTo(Status.RETURNED);
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(hub.count("select status from dossiers where code = '" + c + "'")).isEqualTo(10);
        assertThat(hub.count("select count(*) from manifests where code = '" + c + "' and body::text like '%"
                + result.sha256() + "%'")).as("the manifest names the result the hub gave").isGreaterThan(0);
    }

    @Test
    void aDownloadCutByTheLinkWaitsWithItsReasonSurvivesARestartAndAttachesTheFileOnce() throws Exception {
        open();
        DossierCode code = receivedAndSent();
        String c = code.value();
        FileRef result = departmentStores(FILE_NAME, 1500);
        hub.hub.processing().changeStatus(c, 4, OFFICER, null);
        hub.hub.processing().attachResults(c, List.of(result), OFFICER, null);

        // the link is slow and goes down once a third of the file came through
        link.bytesPerSecond = 300_000;
        long before = link.downstream.get();
        AtomicBoolean cut = new AtomicBoolean();
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            try {
                for (int i = 0; i < 30_000 && !cut.get(); i++) {
                    if (link.downstream.get() - before > result.size() / 3) {
                        link.down(true);
                        cut.set(true);
                    }
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        counter.syncing().syncNow(Duration.ofSeconds(60));
        watcher.join(30_000);
        assertThat(cut).as("the link went down during the download").isTrue();
        assertThat(results(code)).isEmpty();
        WorkItem waiting = fetches(code).getFirst();
        assertThat(waiting.state()).isEqualTo(WorkState.WAITING);
        assertThat(waiting.error()).as("why it waits, for the dossier screen").isNotNull();
        assertThat(Messages.of(java.util.Locale.forLanguageTag("vi")).text(waiting.error().messageKey(),
                waiting.error().arguments().toArray())).containsIgnoringCase("máy chủ tỉnh");
        assertNothingPlainInTheDataFolder();

        // the counter is closed and opened again; the link is back
        counter.close();
        counter = null;
        link.down(false);
        link.bytesPerSecond = 0;
        open();
        counter.syncing().syncNow(Duration.ofSeconds(60));
        assertThat(results(code)).singleElement()
                .satisfies(r -> assertThat(r.page().contentId()).isEqualTo(result.sha256()));
        assertThat(Sha256.hex(counter.contents().read(result.sha256()))).isEqualTo(result.sha256());
        assertThat(fetches(code)).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo(WorkState.DONE);
            assertThat(i.attempts()).isGreaterThanOrEqualTo(2);
        });
        assertThat(rows("select count(*) from dossier_events where kind = 'RESULT_ATTACHED'")).isEqualTo(1);
        assertNothingPlainInTheDataFolder();
        try (var walk = java.nio.file.Files.walk(data)) {
            assertThat(walk.map(p -> p.getFileName().toString()))
                    .as("no temporary file left by the cut download").noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void aFileTheHubDoesNotHoldFailsWithItsReasonAndTheFeedGoesOn() throws Exception {
        open();
        DossierCode code = receivedAndSent();
        String c = code.value();
        // a change naming a file the hub does not hold for this counter (the hub's own tables refuse such a change,
        // so it is handed to the counter directly, as a hub of another version might send it)
        FileRef missing = new FileRef("ab".repeat(32), 1234, "ket-qua-bi-go.pdf", FileRef.Kind.RESULT);
        counter.hubChanges().apply(new Api.Change(1_000_000, c, Api.ChangeKind.RESULT, 2,
                java.time.OffsetDateTime.now(), OFFICER, null, List.of(missing)));
        hub.hub.processing().changeStatus(c, 4, OFFICER, null);

        counter.syncing().syncNow(Duration.ofSeconds(60));

        assertThat(counter.lifecycle().dossier(code).status()).as("the feed went on")
                .isEqualTo(Status.PROCESSING);
        WorkItem failed = fetches(code).getFirst();
        assertThat(failed.state()).isEqualTo(WorkState.FAILED);
        assertThat(failed.error().messageKey()).isEqualTo("sync.result.not_on_hub");
        assertThat(Messages.of(java.util.Locale.forLanguageTag("vi")).text(failed.error().messageKey(),
                failed.error().arguments().toArray())).contains("không có tệp kết quả").contains("ket-qua-bi-go.pdf");
        assertThat(counter.pipeline().needingAttention(10)).extracting(WorkItem::id).contains(failed.id());
        assertThat(results(code)).isEmpty();

        // the clerk's retry (F12) tries again: the hub still does not hold it
        assertThat(counter.pipeline().retry(List.of(failed.id()))).isEqualTo(1);
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(fetches(code).getFirst()).satisfies(i -> {
            assertThat(i.state()).isEqualTo(WorkState.FAILED);
            assertThat(i.attempts()).isEqualTo(1);
        });
        assertThat(results(code)).isEmpty();
    }
}
