package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.store.SqliteAuditLog;
import vn.motcua.counter.application.audit.AuditChain;
import vn.motcua.counter.application.audit.AuditLogs;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;

/**
 * {@code motcua audit verify|list} and {@code retention run --dry-run} on a real data folder: intact (exit 0), then
 * an entry altered with the triggers dropped is named in Vietnamese with its place and time (exit 3).
 */
class AuditCommandTest {

    @TempDir
    Path data;

    @Test
    void verifySaysIntactThenNamesTheAlteredEntryAndListFilters() throws Exception {
        MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
        DossierCode code;
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            counter.lifecycle().dossier(code);
            counter.lifecycle().receipt(code);
        }

        CliRun intact = CliRun.motcua(data, "audit", "verify");
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("Nhật ký truy cập nguyên vẹn: 3 mục.");

        CliRun views = CliRun.motcua(data, "audit", "list", "--dossier", code.value(), "--action", "view",
                "--from", "2026-11-23", "--to", "2026-11-23");
        assertThat(views.exitCode()).as(views.err()).isZero();
        assertThat(views.out().lines().toList()).hasSize(1);
        assertThat(views.out()).contains("#2", "23/11/2026 09:30:00", "VIEW", code.value(), TestCounter.AGENCY + "-1");
        assertThat(CliRun.motcua(data, "audit", "list", "--from", "2026-11-24").out())
                .contains("Không có mục nào khớp.");
        assertThat(CliRun.motcua(data, "audit", "list", "--action", "peek").exitCode()).isEqualTo(2);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_log_append_only_update");
            st.executeUpdate("UPDATE audit_log SET action = 'PRINT' WHERE seq = 2");
        }
        CliRun tampered = CliRun.motcua(data, "audit", "verify");
        assertThat(tampered.exitCode()).isEqualTo(AuditCommand.TAMPERED);
        assertThat(tampered.out()).contains("NHẬT KÝ TRUY CẬP ĐÃ BỊ CAN THIỆP (3 mục đang lưu):",
                "Mục #2 (ghi lúc 23/11/2026 09:30:00) đã bị sửa.");

        System.setProperty("motcua.ui.language", "en");   // ui.language=en
        try {
            CliRun english = CliRun.motcua(data, "audit", "verify");
            assertThat(english.exitCode()).isEqualTo(AuditCommand.TAMPERED);
            assertThat(english.out()).contains("THE ACCESS LOG HAS BEEN TAMPERED WITH (3 entries stored):",
                    "Entry #2 (recorded at 23/11/2026 09:30:00) was altered.");
        } finally {
            System.clearProperty("motcua.ui.language");
        }

        CliRun dry = CliRun.motcua(data, "retention", "run", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Sẽ xóa 0 hồ sơ đã trả kết quả quá 90 ngày và đã đồng bộ");
    }

    /** Someone with the file, not the key: one entry changed, then the whole chain and anchor hashed again. */
    @Test
    void verifyCatchesALogHashedAgainWithPlainSha256() throws Exception {
        MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
        try (CounterWiring counter = TestCounter.open(data, clock)) {
            DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                    .dossier().code();
            counter.lifecycle().dossier(code);
        }
        try (Connection c = AuditLogs.open(data); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_log_append_only_update");
            st.executeUpdate("UPDATE audit_log SET actor = 'nguoi-khac' WHERE seq = 2");
            AuditLogs.chainAgain(c, AuditChain.UNKEYED, data.resolve(SqliteAuditLog.ANCHOR_FILE));
        }
        CliRun verify = CliRun.motcua(data, "audit", "verify");
        assertThat(verify.exitCode()).as(verify.err()).isEqualTo(AuditCommand.TAMPERED);
        assertThat(verify.out()).contains("NHẬT KÝ TRUY CẬP ĐÃ BỊ CAN THIỆP (2 mục đang lưu):",
                "Mục #1 (ghi lúc 23/11/2026 09:30:00) đã bị sửa.", "Mục #2 (ghi lúc 23/11/2026 09:30:00) đã bị sửa.");
    }
}
