package vn.motcua.counter.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.protection.DataKey;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.adapters.store.SqliteAuditLog;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.AuditStore;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;

/**
 * A data folder from before the keyed audit chain (decision 1302): its SHA-256 chain is checked the old way at the
 * first start, chained again with the audit key in place, and the check's result kept as a KEYED entry; its keyring is
 * then marked, so a log made to look unkeyed again later is not re-chained but reported.
 */
class AuditChainKeyingTest {

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));

    /** Five entries written by this version, then made into what an older version left: SHA-256, older keyring. */
    @BeforeEach
    void anOlderFolder() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                    .dossier().code();
            counter.lifecycle().dossier(code);
            counter.lifecycle().receipt(code);
            counter.lifecycle().process(code, "", counter.profile());
            counter.lifecycle().dossier(code);
        }
        try (Connection c = AuditLogs.open(data)) {
            List<String> triggers = new ArrayList<>();
            try (Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                         + " AND tbl_name = 'audit_log'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            assertThat(triggers).hasSize(2);
            try (Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER audit_log_append_only_update");
                st.execute("DROP TRIGGER audit_log_append_only_delete");
                AuditLogs.chainAgain(c, AuditChain.UNKEYED, data.resolve(SqliteAuditLog.ANCHOR_FILE));
                for (String trigger : triggers) {
                    st.execute(trigger);
                }
            }
        }
        Properties ring = keyring();
        DataKey key = TestCounter.key(data);
        ring.remove("check.audit");
        ring.setProperty("check", Base64.getEncoder().encodeToString(Arrays.copyOf(key.derive("check"), 16)));
        saveKeyring(ring);
        assertThat(AuditLogs.intactUnder(data, AuditChain.UNKEYED)).isTrue();
        assertThat(AuditLogs.intactUnder(data, keyed())).isFalse();
    }

    private AuditChain keyed() {
        return AuditChain.keyed(TestCounter.key(data).derive("audit"));
    }

    private Properties keyring() throws Exception {
        Properties ring = new Properties();
        try (Reader in = Files.newBufferedReader(data.resolve(Keyring.FILE), StandardCharsets.ISO_8859_1)) {
            ring.load(in);
        }
        return ring;
    }

    private void saveKeyring(Properties ring) throws Exception {
        try (Writer out = Files.newBufferedWriter(data.resolve(Keyring.FILE), StandardCharsets.ISO_8859_1)) {
            ring.store(out, null);
        }
    }

    @Test
    void theFirstStartChecksTheOldChainThenChainsItWithTheKeyAndSaysSo() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            assertThat(counter.audit().verify()).isEqualTo(new AuditVerdict(6, List.of()));
            AuditEntry keyedEntry = counter.audit().find(AuditStore.Filter.ALL, 1).getFirst();
            assertThat(keyedEntry.seq()).isEqualTo(6);
            assertThat(keyedEntry.action()).isEqualTo(AuditAction.KEYED.name());
            assertThat(keyedEntry.detail()).isEqualTo("re-chained 5 entries with the key; unkeyed chain intact");
        }
        assertThat(AuditLogs.intactUnder(data, keyed())).isTrue();
        assertThat(keyring()).containsKey("check.audit").doesNotContainKey("check");
        try (Connection c = AuditLogs.open(data); Statement st = c.createStatement()) {   // triggers back as they were
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log WHERE seq = 2"))
                    .hasMessageContaining("audit_log is append-only");
        }

        // once: the next start leaves the log alone
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            assertThat(counter.audit().verify()).isEqualTo(new AuditVerdict(6, List.of()));
        }
        assertThat(AuditLogs.actions(data)).containsOnlyOnce(AuditAction.KEYED.name());
    }

    @Test
    void anOldChainTamperedWithBeforeTheUpgradeIsRecordedInTheKeyedEntry() throws Exception {
        try (Connection c = AuditLogs.open(data); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_log_append_only_update");
            st.executeUpdate("UPDATE audit_log SET actor = 'someone else' WHERE seq IN (3, 5)");   // 5: the last
        }
        try (CounterWiring counter = CounterWiring.openForReading(TestCounter.settings(data), clock)) {
            // a command that only reads re-chains too (through its own writable connection), before it verifies
            assertThat(counter.audit().verify().intact()).isTrue();
            assertThat(counter.audit().find(AuditStore.Filter.ALL, 1).getFirst().detail())
                    .isEqualTo("re-chained 5 entries with the key; unkeyed chain NOT intact: ALTERED #3 ALTERED #5");
        }
    }

    @Test
    void aKeyringStrippedOfItsKeyedMarkOpensNothing() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            assertThat(counter.audit().verify().intact()).isTrue();
        }
        Properties ring = keyring();
        ring.remove("check.audit");   // without the key, the older check value cannot be made
        saveKeyring(ring);
        assertThatThrownBy(() -> TestCounter.open(data, clock)).isInstanceOf(CounterException.class)
                .extracting(e -> ((CounterException) e).messageKey()).isEqualTo("protection.locked");
    }
}
