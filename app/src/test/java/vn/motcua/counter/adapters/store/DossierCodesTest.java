package vn.motcua.counter.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.catalogue.AgencyFileReader;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.InvalidFileException;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.AgencyCode;
import vn.motcua.counter.domain.DossierCode;

/** Codes from several offline counters of one agency, each on its own SQLite file, never collide. */
class DossierCodesTest {

    private static final AgencyCode AGENCY = new AgencyCode(TestCounter.AGENCY);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path folder;

    private CounterWiring counter(String name, int number, int count) {
        Settings settings = Settings.of(Map.of(Settings.DATA_DIR, folder.resolve(name).toString(),
                Settings.AGENCY_CODE, TestCounter.AGENCY, Settings.COUNTER_NUMBER, String.valueOf(number),
                Settings.COUNTER_COUNT, String.valueOf(count)));
        return CounterWiring.open(settings, SaveLoopClock.DAY);
    }

    @Test
    void threeOfflineCountersOfOneAgencyNeverShareACode() {
        Set<String> all = new HashSet<>();
        int reserved = 0;
        for (int number = 1; number <= 3; number++) {
            try (CounterWiring counter = counter("quay-" + number, number, 3)) {
                for (int i = 0; i < 400; i++) {
                    all.add(counter.dossiers().reserveCode(AGENCY, DAY).value());
                    reserved++;
                }
                // each counter's numbers are its own residue: counter 2 gives 0002, 0005, 0008, …
                DossierCode next = counter.dossiers().reserveCode(AGENCY, DAY);
                assertThat(next.sequence() % 3).isEqualTo(number % 3);
                reserved++;
                all.add(next.value());
            }
        }
        assertThat(all).hasSize(reserved);
    }

    @Test
    void aSlotChangedDuringTheDayAppliesFromTheNextDay() {
        try (CounterWiring counter = counter("quay", 1, 1)) {
            assertThat(counter.dossiers().reserveCode(AGENCY, DAY).sequence()).isEqualTo(1);
            assertThat(counter.dossiers().reserveCode(AGENCY, DAY).sequence()).isEqualTo(2);
        }
        try (CounterWiring counter = counter("quay", 2, 4)) {
            // today keeps counting 3, 4, … : switching to 2, 6, 10 now could repeat a number already given
            assertThat(counter.dossiers().reserveCode(AGENCY, DAY).sequence()).isEqualTo(3);
            assertThat(counter.dossiers().reserveCode(AGENCY, DAY.plusDays(1)).sequence()).isEqualTo(2);
            assertThat(counter.dossiers().reserveCode(AGENCY, DAY.plusDays(1)).sequence()).isEqualTo(6);
        }
    }

    @Test
    void aWrongSlotIsRefusedAtStart() {
        assertThatThrownBy(() -> counter("quay", 5, 4)).isInstanceOfSatisfying(CounterException.class,
                e -> assertThat(e.messageKey()).isEqualTo("settings.bad_counter_slot"));
    }

    @Test
    void receptionRefusesAClosedAgencyCode() throws Exception {
        Path csv = Files.writeString(folder.resolve("agencies.csv"), """
                code,name_vi,level,valid_from,valid_to,source
                000.00.00.H26,Ủy ban nhân dân Thành phố Hà Nội,1,,2026-06-30,test
                000.00.00.H49,Ủy ban nhân dân tỉnh Quảng Ninh,1,2016-11-03,,test
                K57,Hội đồng nhân dân Thành phố Huế,1,2025-04-14,,test
                """);
        try (CounterWiring counter = TestCounter.open(folder.resolve("quay"), SaveLoopClock.DAY)) {
            counter.agencies().importAgencies(AgencyFileReader.read(csv));
            assertThat(counter.agencies().agency("K57")).hasValueSatisfying(a ->
                    assertThat(a.validFrom()).isEqualTo(LocalDate.of(2025, 4, 14)));
            assertThatThrownBy(() -> counter.reception().receive(TestCounter.request(counter, 1), counter.profile()))
                    .isInstanceOfSatisfying(CounterException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("reception.agency_closed");
                        assertThat(e.arguments()).contains(LocalDate.of(2026, 6, 30));
                    });
            // a dossier of the closed code's time still gets codes for its own day
            assertThat(counter.dossiers().reserveCode(AGENCY, LocalDate.of(2026, 6, 30)).sequence()).isEqualTo(1);
            assertThat(counter.dossiers().reserveCode(new AgencyCode("000.00.00.H49"), DAY).sequence()).isEqualTo(1);
        }
    }

    @Test
    void theSampleAgencyFileReadsAndABadOneIsRefusedWhole() throws Exception {
        assertThat(AgencyFileReader.read(Path.of(AgencyFileReader.class.getResource("agency-codes-sample.csv").toURI())))
                .hasSize(9).anySatisfy(a -> assertThat(a.code()).isEqualTo("K57"));
        Path bad = Files.writeString(folder.resolve("bad.csv"), """
                code,name_vi,level,valid_from,valid_to,source
                000.00.15,Thiếu mức 1,3,,,x
                000.00.00.H14,Cao Bằng,1,2025-07-01,2025-06-30,x
                000.00.00.H18,Điện Biên,1,01/07/2025,,x
                """);
        assertThatThrownBy(() -> AgencyFileReader.read(bad)).isInstanceOfSatisfying(InvalidFileException.class,
                e -> assertThat(e.problems()).extracting(InvalidFileException.Problem::messageKey).isEqualTo(List.of(
                        "file.problem.bad_agency_code", "file.problem.closed_before_open", "file.problem.bad_date")));
    }
}
