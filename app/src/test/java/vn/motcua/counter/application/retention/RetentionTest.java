package vn.motcua.counter.application.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.audit.AuditVerdict;
import vn.motcua.counter.application.port.RetentionStore;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;

/**
 * Retention on a real counter (SQLite file, content store, the sending stage in front of the in-process hub that keeps
 * the hub's rules): only a dossier both returned more than {@code retention.days} ago and accepted by the hub in its
 * latest revision goes, rows and files together, except the files another dossier still shows; each removal is in
 * the audit log, whose chain stays intact; the dry run removes nothing.
 */
class RetentionTest {

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 8, 3, 9, 0));
    private TestHub hub;
    private FaultProxy link;
    private CounterWiring counter;

    @BeforeEach
    void startHub() throws IOException {
        hub = TestHub.start(hubData);
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

    /** The counter sending to the real hub through the link, enrolled once (the credential stays in its file). */
    private void openCounter() throws InterruptedException {
        counter = CounterWiring.open(TestCounter.hubSettings(data, link.uri().toString(),
                hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code()), clock);
        TestCounter.awaitEnrolled(counter);
    }

    private DossierCode receive(int label) {
        return counter.reception().receive(TestCounter.request(counter, label), counter.profile()).dossier().code();
    }

    private String returned(DossierCode code, String result) throws InterruptedException {
        counter.lifecycle().process(code, "", counter.profile());
        counter.lifecycle().resolve(code, "", counter.profile());
        Page page = counter.reception().storePage(TestImages.png(result), Page.PageSource.SCANNED);
        counter.lifecycle().attachResult(code, "Giấy xác nhận", List.of(page), counter.profile());
        counter.lifecycle().returnResult(code, 1, counter.profile());
        idle();
        return page.contentId();
    }

    private void idle() throws InterruptedException {
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    private Path file(String contentId) {
        return data.resolve(CounterWiring.CONTENT_FOLDER).resolve(contentId.substring(0, 2)).resolve(contentId);
    }

    @Test
    void removesOnlyReturnedSyncedDossiersPastThePeriodWithTheirUnsharedFilesAndAuditsEachRemoval() throws Exception {
        openCounter();
        DossierCode old = receive(1);                         // returned 91 days before the run, synced: goes
        DossierCode unsent = receive(2);                      // returned as long ago, its last change never sent
        DossierCode open = receive(1);                        // same page images as `old` (shared files), not returned
        idle();
        String oldResult = returned(old, "Kết quả cũ");
        link.down(true);                                      // from now on nothing reaches the hub
        returned(unsent, "Kết quả chưa gửi");
        clock.set(LocalDateTime.of(2026, 10, 1, 9, 0));
        DossierCode recent = receive(3);                      // returned 33 days before the run: stays
        idle();
        String recentResult = returned(recent, "Kết quả mới");
        clock.set(LocalDateTime.of(2026, 11, 2, 9, 30));
        assertThat(counter.retention().days()).isEqualTo(90);

        String receipt;
        Set<String> oldPages;
        try (Connection db = SqlRows.open(data)) {
            receipt = SqlRows.rows(db, "SELECT receipt_content_id FROM dossiers WHERE code = ?", old.value())
                    .getFirst().getFirst();
            oldPages = Set.copyOf(SqlRows.rows(db, "SELECT p.content_id FROM pages p JOIN components k ON "
                    + "k.id = p.component_id JOIN dossiers d ON d.id = k.dossier_id WHERE d.code = ?", old.value())
                    .stream().map(List::getFirst).toList());
        }
        assertThat(oldPages).hasSize(2);

        // the dry run lists, removes nothing
        Retention.Result dry = counter.retention().dryRun();
        assertThat(dry.dossiers()).extracting(RetentionStore.Candidate::dossierCode).containsExactly(old.value());
        assertThat(Files.exists(file(receipt))).isTrue();

        Retention.Result run = counter.retention().run(() -> false);
        assertThat(run.dossiers()).extracting(RetentionStore.Candidate::dossierCode).containsExactly(old.value());
        assertThat(run.files().items()).isEqualTo(2);   // the receipt and the result; the pages are `open`'s too
        assertThat(Files.exists(file(receipt))).isFalse();
        assertThat(Files.exists(file(oldResult))).isFalse();
        assertThat(oldPages).allSatisfy(id -> assertThat(Files.exists(file(id))).isTrue());
        assertThat(Files.exists(file(recentResult))).isTrue();
        assertThat(counter.retention().due()).isEmpty();

        try (Connection db = SqlRows.open(data)) {
            assertThat(SqlRows.rows(db, "SELECT code FROM dossiers ORDER BY code", null)).extracting(List::getFirst)
                    .containsExactlyInAnyOrder(unsent.value(), open.value(), recent.value());
            for (String table : List.of("dossier_events", "handovers", "issued_forms", "result_documents",
                    "stage_work", "sync_revisions", "components")) {
                assertThat(SqlRows.rows(db, "SELECT count(*) FROM " + table + " WHERE dossier_id NOT IN "
                        + "(SELECT id FROM dossiers)", null).getFirst().getFirst()).as(table).isEqualTo("0");
            }
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM pages WHERE component_id NOT IN "
                    + "(SELECT id FROM components)", null).getFirst().getFirst()).isEqualTo("0");
            // the removal is audited, with its reason and nothing of the applicant
            List<List<String>> removals = SqlRows.rows(db, "SELECT dossier_code, detail FROM audit_log "
                    + "WHERE action = 'REMOVE'", null);
            assertThat(removals).hasSize(1);
            assertThat(removals.getFirst().get(0)).isEqualTo(old.value());
            assertThat(removals.getFirst().get(1)).startsWith("retention days=90 returned=2026-08-03T09:00");
            // each revision the hub accepted was recorded as sent out of the counter, and stays after the removal
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM audit_log WHERE action = 'SEND' AND dossier_code = ?",
                    old.value()).getFirst().getFirst()).isNotEqualTo("0");
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM audit_log WHERE action = 'SEND' AND dossier_code = ?",
                    unsent.value()).getFirst().getFirst()).as("received and sent before the link went down")
                    .isEqualTo("1");
            // the history of the dossiers kept stays append-only
            try (var st = db.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM dossier_events WHERE dossier_id = "
                        + "(SELECT id FROM dossiers WHERE code = '" + open.value() + "')"))
                        .hasMessageContaining("dossier_events is append-only");
            }
        }
        // the shared pages still open in the kept dossier, and search no longer finds the removed one
        assertThat(counter.lifecycle().dossier(open).documents()).isNotEmpty();
        assertThat(counter.lists().search(old.value())).isEmpty();
        assertThat(counter.audit().verify()).isEqualTo(new AuditVerdict(counter.audit().verify().entries(),
                List.of()));
    }

    @Test
    void runsAtStartWhenTheCounterOpensAfterThePeriod() throws Exception {
        openCounter();
        DossierCode old = receive(4);
        idle();
        returned(old, "Kết quả");
        counter.close();
        counter = null;

        clock.set(LocalDateTime.of(2026, 11, 2, 9, 30));
        counter = CounterWiring.open(TestCounter.hubSettings(data, link.uri().toString(), null), clock);
        counter.contentCleanup().get(30, java.util.concurrent.TimeUnit.SECONDS);   // retention runs just before it
        try (Connection db = SqlRows.open(data)) {
            assertThat(SqlRows.rows(db, "SELECT count(*) FROM dossiers WHERE code = ?", old.value()).getFirst()
                    .getFirst()).isEqualTo("0");
            assertThat(SqlRows.rows(db, "SELECT actor FROM audit_log WHERE action = 'REMOVE' AND dossier_code = ?",
                    old.value())).containsExactly(List.of(System.getProperty("user.name")));
        }
        assertThat(counter.retention().session().dossiers()).extracting(RetentionStore.Candidate::dossierCode)
                .containsExactly(old.value());
    }
}
