package vn.motcua.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DossierCodeTest {

    @Test
    void formatsAsAgencyDateSequence() {
        DossierCode code = new DossierCode(new AgencyCode("000.00.15.H42"), LocalDate.of(2023, 5, 12), 1);
        assertThat(code.value()).isEqualTo("000.00.15.H42-230512-0001");
    }

    @Test
    void parsesTheCircularExample() {
        DossierCode code = DossierCode.parse("000.00.15.H42-230512-0001");
        assertThat(code.agency().value()).isEqualTo("000.00.15.H42");
        assertThat(code.receptionDate()).isEqualTo(LocalDate.of(2023, 5, 12));
        assertThat(code.sequence()).isEqualTo(1);
    }

    @Test
    void refusesSequencesOutsideFourDigits() {
        AgencyCode agency = new AgencyCode("000.00.00.H26");
        assertThatThrownBy(() -> new DossierCode(agency, LocalDate.of(2026, 1, 5), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DossierCode(agency, LocalDate.of(2026, 1, 5), 10_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMalformedAgencyCodes() {
        assertThat(AgencyCode.isValid("000.00.00.H26")).isTrue();
        assertThat(AgencyCode.isValid("H26")).isFalse();
        assertThat(AgencyCode.isValid("000.00.00.h26")).isFalse();
        assertThatThrownBy(() -> DossierCode.parse("000.00.00.H26-2605-0001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void roundTrips(@ForAll @IntRange(min = 1, max = 9999) int sequence, @ForAll @IntRange(min = 0, max = 27000) int day) {
        DossierCode code = new DossierCode(new AgencyCode("000.00.53.H48"), LocalDate.of(2000, 1, 1).plusDays(day),
                sequence);
        assertThat(DossierCode.parse(code.value())).isEqualTo(code);
    }
}
