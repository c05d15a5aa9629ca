package vn.motcua.counter.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;

/** Upgrades of the names index: what the old index held must be found after them, and nothing stale. */
class SearchIndexUpgradeTest {

    private static final String CODE = "000.00.00.H26-250102-0003";

    @TempDir
    Path data;

    /** V6 replaces the names index by one with word prefixes. */
    @Test
    void aNameIndexedBeforeTheUpgradeIsFoundByItsFirstLetters() throws Exception {
        try (Connection c = migratedTo("4"); Statement st = c.createStatement()) {
            // as the V3 code saved a dossier: the row with its folded name, then the name's FTS5 entry
            st.executeUpdate("""
                    INSERT INTO dossiers (id, code, agency_code, procedure_code, procedure_name, processing_days,
                        applicant_name, applicant_id_number, status, received_at, appointment_at, received_by,
                        receipt_content_id, applicant_name_folded)
                    VALUES (7, '%s', '000.00.00.H26', '1.004873', 'Cấp bản sao trích lục', 3, 'Lý Thị Ánh',
                        '001185000123', 1, '2025-01-02T08:00:00', '2025-01-07T08:00:00', 'clerk', 'receipt',
                        'ly thi anh')""".formatted(CODE));
            st.executeUpdate("INSERT INTO dossier_names (rowid, applicant_name_folded) VALUES (7, 'ly thi anh')");
        }

        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            assertThat(counter.lists().search("l t a")).extracting(DossierSummary::code).containsExactly(CODE);
            assertThat(counter.lists().search("ly thi anh")).extracting(DossierSummary::code).containsExactly(CODE);
            assertThat(counter.lists().search("ly thi b")).isEmpty();
        }
    }

    /** V8 adds an organisation's representative to the names searched; V7 indexed the organisation's name only. */
    @Test
    void anOrganisationSavedBeforeTheUpgradeIsFoundByItsRepresentative() throws Exception {
        try (Connection c = migratedTo("7"); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO dossiers (id, code, agency_code, procedure_code, procedure_name, processing_days,
                        applicant_name, applicant_id_number, status, received_at, appointment_at, received_by,
                        receipt_content_id, applicant_name_folded, applicant_id_kind, applicant_representative)
                    VALUES (7, '%s', '000.00.00.H26', '1.004873', 'Cấp bản sao trích lục', 3, 'Công ty TNHH Hòa Bình',
                        '0100233488', 1, '2025-01-02T08:00:00', '2025-01-07T08:00:00', 'clerk', 'receipt',
                        'cong ty tnhh hoa binh', 'TAX_CODE', 'Phạm Đức Long')""".formatted(CODE));
            st.executeUpdate("""
                    INSERT INTO dossier_names (rowid, applicant_name_folded) VALUES (7, 'cong ty tnhh hoa binh')""");
        }

        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            assertThat(counter.lists().search("pham duc long")).extracting(DossierSummary::code).containsExactly(CODE);
            assertThat(counter.lists().search("hoa binh")).extracting(DossierSummary::code).containsExactly(CODE);
        }
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            // an FTS5 index out of step with its content table (a stale entry) fails this with SQLITE_CORRUPT_VTAB
            assertThatCode(() -> st.executeUpdate(
                    "INSERT INTO dossier_names (dossier_names, rank) VALUES ('integrity-check', 1)"))
                    .doesNotThrowAnyException();
        }
    }

    private Connection migratedTo(String version) throws Exception {
        Flyway.configure().dataSource(url(), null, null).locations("classpath:db/migration").target(version).load()
                .migrate();
        return DriverManager.getConnection(url());
    }

    private String url() {
        return "jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE);
    }
}
