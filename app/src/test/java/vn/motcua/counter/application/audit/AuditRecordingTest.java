package vn.motcua.counter.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.port.AuditStore;
import vn.motcua.counter.application.port.ReportRenderer;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;

/**
 * The application services record who viewed, printed, exported and changed which dossier, from which counter, in
 * the audit log of the real SQLite file, with nothing of the applicant but the dossier code; a command that opens the
 * counter only for reading ({@code dossier show}) records its view too.
 */
class AuditRecordingTest {

    private static final String PASSWORD = "mat-khau-giam-sat";

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));

    @Test
    void viewsPrintsExportsAndChangesAreRecordedWithWhoWhenAndWhichCounter() throws Exception {
        String user = System.getProperty("user.name");
        DossierCode code;
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            counter.lifecycle().dossier(code);                                   // the dossier screen
            counter.lifecycle().receipt(code);                                   // Ctrl+P: the receipt again
            counter.lifecycle().process(code, "", counter.profile());
            var slip = counter.lifecycle().controlSlip(code, counter.profile());
            counter.lifecycle().pdf(code, slip);                                 // its print preview
            var report = counter.reports().report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
            counter.reports().export(report, ReportRenderer.Format.CSV, data.resolve("bao-cao.csv"));
            // from the first account on, who acts is the account signed in
            counter.accounts().createFirstAdministrator("giamsat01", null, PASSWORD.toCharArray());
            counter.lifecycle().dossier(code);
        }
        try (CounterWiring reading = CounterWiring.openForReading(TestCounter.settings(data), clock)) {
            reading.accounts().signIn("giamsat01", PASSWORD.toCharArray());
            reading.lifecycle().dossier(code);                                   // motcua dossier show
        }

        try (Connection db = SqlRows.open(data)) {
            List<List<String>> rows = SqlRows.rows(db, "SELECT seq, recorded_at, actor, counter, action, "
                    + "coalesce(dossier_code, '-'), detail FROM audit_log ORDER BY seq", null);
            String at = clock.instant().toString();
            String here = TestCounter.AGENCY + "-1";
            assertThat(rows).extracting(r -> r.get(4)).containsExactly(
                    "RECEIVE", "VIEW", "PRINT", "CHANGE", "CHANGE", "PRINT", "EXPORT", "VIEW", "VIEW");
            assertThat(rows).extracting(r -> r.get(5)).containsExactly(code.value(), code.value(), code.value(),
                    code.value(), code.value(), code.value(), "-", code.value(), code.value());
            assertThat(rows).extracting(r -> r.get(0)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get(1)).isEqualTo(at);
                assertThat(r.get(3)).isEqualTo(here);
            });
            assertThat(rows).extracting(r -> r.get(2)).containsExactly(user, user, user, user, user, user, user,
                    "giamsat01", "giamsat01");
            assertThat(rows.get(2).get(6)).isEqualTo("form=RECEIPT");
            assertThat(rows.get(3).get(6)).isEqualTo("PROCESSING 2->4");
            assertThat(rows.get(4).get(6)).isEqualTo("form=CONTROL_SLIP");
            assertThat(rows.get(6).get(6)).startsWith("report=CSV period=2026-11-01..2026-11-30");
            // no name nor ID number in any entry, with or without diacritics
            String all = String.join("|", rows.stream().map(r -> String.join("|", r)).toList());
            assertThat(all).doesNotContain(TestCounter.applicant().idNumber().value(), "Nhung", "Nguyễn",
                    "Nguyen", "Hàng Bài", "0912345678");
        }
        // the anchor beside the database names the last entry
        assertThat(Files.readString(data.resolve("audit.anchor"))).contains("count=9");
        try (CounterWiring reading = CounterWiring.openForReading(TestCounter.settings(data), clock)) {
            reading.accounts().signIn("giamsat01", PASSWORD.toCharArray());   // the log is a supervisor's to read
            assertThat(reading.audit().verify()).isEqualTo(new AuditVerdict(9, List.of()));
            assertThat(reading.audit().find(new AuditStore.Filter(
                    null, null, "giamsat01", null, null), 10)).extracting(AuditEntry::seq).containsExactly(9L, 8L);   // newest first
            assertThat(reading.audit().find(new AuditStore.Filter(
                    null, null, null, code.value(), AuditAction.PRINT), 10)).extracting(AuditEntry::seq)
                    .containsExactly(6L, 3L);
        }
    }

    @Test
    void anEntryWhoseChangeIsRolledBackIsNeitherStoredNorAnchored() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                    .dossier().code();
            String anchored = Files.readString(data.resolve("audit.anchor"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> counter.database().inOneTransaction(() -> {
                counter.audit().record(AuditAction.CHANGE, code.value(), "never saved");
                throw new IllegalStateException("the change failed");
            })).hasMessage("the change failed");
            assertThat(Files.readString(data.resolve("audit.anchor"))).isEqualTo(anchored).contains("count=1");
            counter.lifecycle().dossier(code);
            assertThat(counter.audit().find(AuditStore.Filter.ALL, 10))
                    .extracting(AuditEntry::seq, AuditEntry::action).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2L, "VIEW"),
                            org.assertj.core.groups.Tuple.tuple(1L, "RECEIVE"));
            assertThat(counter.audit().verify().intact()).isTrue();
        }
    }
}
