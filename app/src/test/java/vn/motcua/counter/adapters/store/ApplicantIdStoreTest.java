package vn.motcua.counter.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.identity.PassportNumber;
import vn.motcua.counter.domain.identity.PersonalIdNumber;

/** The applicant's number and its kind in the SQLite file, including rows written before V5 knew of kinds. */
class ApplicantIdStoreTest {

    @TempDir
    Path data;

    @Test
    void aRowFromBeforeV5IsAPersonalIdNumber() throws Exception {
        Files.createDirectories(data);
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("4").load().migrate();
        try (Connection db = source.getConnection(); Statement st = db.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO dossiers (code, agency_code, procedure_code, procedure_name, processing_days,
                        applicant_name, applicant_id_number, status, received_at, appointment_at, received_by,
                        receipt_content_id)
                    VALUES ('000.00.00.H26-251103-0001', '000.00.00.H26', '1.004873', 'Cấp Giấy xác nhận', 3,
                        'Đặng Văn Đức', '079085001234', 2, '2025-11-03T09:00', '2025-11-06T09:00', 'Trần Văn Bình',
                        'abc')""");
        }
        DossierCode code = DossierCode.parse("000.00.00.H26-251103-0001");
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            Applicant applicant = counter.dossiers().dossier(code).orElseThrow().applicant();
            assertThat(applicant.idNumber()).isEqualTo(PersonalIdNumber.parse("079085001234"));
            assertThat(counter.dossiers().dossiersOf(PersonalIdNumber.parse("079085001234"))).containsExactly(code);
        }
    }

    @Test
    void aPassportIsFoundOnlyWithItsIssuingCountry() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            PassportNumber korean = PassportNumber.parse("M12345678", "KOR").result().orElseThrow();
            ReceptionRequest base = TestCounter.request(counter, 1);
            Applicant foreigner = new Applicant("KIM MIN-JUN", korean, null, null, null, null, null);
            DossierCode code = counter.reception().receive(new ReceptionRequest(foreigner, base.procedure(),
                    base.processingTime(), base.documents()), counter.profile()).dossier().code();

            assertThat(counter.dossiers().dossier(code).orElseThrow().applicant().idNumber()).isEqualTo(korean);
            assertThat(counter.dossiers().dossiersOf(korean)).containsExactly(code);
            assertThat(counter.dossiers().dossiersOf(PassportNumber.parse("M12345678", "USA").result().orElseThrow()))
                    .isEmpty();
        }
    }
}
