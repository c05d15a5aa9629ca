package vn.motcua.counter.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.store.SqliteAuditLog;
import vn.motcua.counter.application.port.AuditStore;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;

/**
 * The audit chain against an attacker who edits the counter's SQLite file directly with a connection of their own,
 * dropping the append-only triggers first: each removed, reordered, altered (also re-hashed) or cut-off entry is named
 * by its place.
 */
class AuditTamperTest {

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
    private long entries;

    /** Eight entries: a reception, views, prints and changes of two dossiers. */
    @BeforeEach
    void recordSome() {
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            DossierCode first = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                    .dossier().code();
            DossierCode second = counter.reception().receive(TestCounter.request(counter, 2), counter.profile())
                    .dossier().code();
            counter.lifecycle().dossier(first);
            counter.lifecycle().receipt(first);
            counter.lifecycle().process(first, "", counter.profile());
            counter.lifecycle().dossier(second);
            counter.lifecycle().resolve(first, "", counter.profile());
            counter.lifecycle().dossier(first);
            entries = counter.audit().verify().entries();
            assertThat(counter.audit().verify()).isEqualTo(new AuditVerdict(8, List.of()));
        }
        assertThat(entries).isEqualTo(8);
    }

    private AuditVerdict verify() {
        try (CounterWiring counter = CounterWiring.openForReading(TestCounter.settings(data), clock)) {
            return counter.audit().verify();
        }
    }

    /** The attacker's own connection, the triggers dropped as their first step. */
    private Connection attacker() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
        try (Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER IF EXISTS audit_log_append_only_update");
            st.execute("DROP TRIGGER IF EXISTS audit_log_append_only_delete");
        }
        return c;
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static String time(Connection c, long seq) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT recorded_at FROM audit_log WHERE seq = " + seq)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void theTableRefusesUpdatesAndDeletesWhileItsTriggersStand() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE))) {
            assertThatThrownBy(() -> run(c, "UPDATE audit_log SET actor = 'someone' WHERE seq = 2"))
                    .hasMessageContaining("audit_log is append-only");
            assertThatThrownBy(() -> run(c, "DELETE FROM audit_log WHERE seq = 2"))
                    .hasMessageContaining("audit_log is append-only");
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aRemovedEntryIsNamedByItsPlace() throws Exception {
        String before;
        try (Connection c = attacker()) {
            before = time(c, 3);
            run(c, "DELETE FROM audit_log WHERE seq = 4");
        }
        AuditVerdict verdict = verify();
        assertThat(verdict.entries()).isEqualTo(7);
        assertThat(verdict.problems()).containsExactly(
                new AuditVerdict.Problem(AuditVerdict.Kind.REMOVED, 4, 4, before));
    }

    @Test
    void removingAndRenumberingIsStillSeen() throws Exception {
        try (Connection c = attacker()) {
            run(c, "DELETE FROM audit_log WHERE seq = 4");
            for (int seq = 5; seq <= 8; seq++) {
                run(c, "UPDATE audit_log SET seq = " + (seq - 1) + " WHERE seq = " + seq);
            }
        }
        AuditVerdict verdict = verify();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.problems()).extracting(AuditVerdict.Problem::seq).contains(4L);
    }

    @Test
    void swappedEntriesAreReportedAsMovedWithTheirOriginalPlaces() throws Exception {
        String third;
        String fifth;
        try (Connection c = attacker()) {
            third = time(c, 3);
            fifth = time(c, 5);
            run(c, "UPDATE audit_log SET seq = -3 WHERE seq = 3");
            run(c, "UPDATE audit_log SET seq = 3 WHERE seq = 5");
            run(c, "UPDATE audit_log SET seq = 5 WHERE seq = -3");
        }
        AuditVerdict verdict = verify();
        assertThat(verdict.entries()).isEqualTo(8);
        assertThat(verdict.problems()).containsExactly(
                new AuditVerdict.Problem(AuditVerdict.Kind.REORDERED, 3, 5, fifth),
                new AuditVerdict.Problem(AuditVerdict.Kind.REORDERED, 5, 3, third));
    }

    @Test
    void anAlteredEntryIsNamed() throws Exception {
        String sixth;
        try (Connection c = attacker()) {
            sixth = time(c, 6);
            run(c, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 6");
        }
        assertThat(verify().problems()).containsExactly(
                new AuditVerdict.Problem(AuditVerdict.Kind.ALTERED, 6, 6, sixth));
    }

    @Test
    void anAlteredEntryGivenAFreshHashBreaksTheNextLink() throws Exception {
        AuditEntry original;
        try (CounterWiring counter = CounterWiring.openForReading(TestCounter.settings(data), clock)) {
            original = counter.audit().find(AuditStore.Filter.ALL, 100).stream().filter(e -> e.seq() == 2)
                    .findFirst().orElseThrow();
        }
        AuditEntry forged = new AuditEntry(2, original.time(), "someone else", original.counter(), original.action(),
                original.dossierCode(), original.detail(), original.previousHash(), null);
        String hash = AuditChain.UNKEYED.hash(forged, 2);   // the attacker has no key: plain SHA-256
        try (Connection c = attacker()) {
            run(c, "UPDATE audit_log SET actor = 'someone else', entry_hash = '" + hash + "' WHERE seq = 2");
        }
        assertThat(verify().problems()).containsExactly(
                new AuditVerdict.Problem(AuditVerdict.Kind.ALTERED, 2, 2, original.time()));
    }

    @Test
    void aCutOffTailIsSeenThroughTheAnchorAndStaysAGapAfterNewEntries() throws Exception {
        String last;
        try (Connection c = attacker()) {
            last = time(c, 6);
            run(c, "DELETE FROM audit_log WHERE seq > 6");
        }
        assertThat(verify().problems()).containsExactly(
                new AuditVerdict.Problem(AuditVerdict.Kind.TRUNCATED, 7, 8, last));

        // the counter goes on: the next entry is numbered after the anchor, so the cut stays visible as a gap
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            counter.lifecycle().dossier(DossierCode.parse(counter.audit().find(
                    AuditStore.Filter.ALL, 1).getFirst().dossierCode()));
            AuditVerdict verdict = counter.audit().verify();
            assertThat(verdict.problems()).containsExactly(
                    new AuditVerdict.Problem(AuditVerdict.Kind.REMOVED, 7, 8, last));
        }
    }

    /**
     * The attack the unkeyed chain could not see: one entry altered, then every entry hashed again in order with plain
     * SHA-256 and the anchor file rewritten to match. Without the audit key no entry hashes right, and opening the
     * counter again does not take the rewritten log for one from an older version (its keyring says it is keyed).
     */
    @Test
    void aLogRewrittenAndHashedAgainWithPlainSha256IsCaught() throws Exception {
        List<AuditVerdict.Problem> expected = new java.util.ArrayList<>();
        try (Connection c = attacker()) {
            for (long seq = 1; seq <= 8; seq++) {
                expected.add(new AuditVerdict.Problem(AuditVerdict.Kind.ALTERED, seq, seq, time(c, seq)));
            }
            run(c, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
            AuditLogs.chainAgain(c, AuditChain.UNKEYED, data.resolve(SqliteAuditLog.ANCHOR_FILE));
        }
        assertThat(AuditLogs.intactUnder(data, AuditChain.UNKEYED)).as("the forgery is a consistent SHA-256 chain")
                .isTrue();
        assertThat(verify().problems()).containsExactlyElementsOf(expected);

        try (CounterWiring counter = TestCounter.open(data, clock)) {
            assertThat(counter.audit().verify().problems()).containsExactlyElementsOf(expected);
        }
        assertThat(AuditLogs.actions(data)).doesNotContain(AuditAction.KEYED.name());
    }

    @Test
    void anUntouchedLogIsIntact() {
        assertThat(verify()).isEqualTo(new AuditVerdict(8, List.of()));
    }
}
