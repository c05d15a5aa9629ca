package vn.motcua.counter.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonalIdNumberCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void checkReturnsValuesInsteadOfThrowing() {
        assertThat(PersonalIdNumber.check("001 085 012 345").result()).hasValueSatisfying(n -> assertThat(n.sex()).isEqualTo(Sex.MALE));
        assertThat(PersonalIdNumber.check("00108501234").problems()).containsExactly(IdNumberProblem.WRONG_LENGTH);
        assertThat(PersonalIdNumber.check(null).problems()).containsExactly(IdNumberProblem.EMPTY);
        assertThat(PersonalIdNumber.check("001685012345").problems()).containsExactly(IdNumberProblem.UNKNOWN_CENTURY);
    }

    @Test
    void statedBirthDateAndSexBecomeWarnings() {
        ParseResult<PersonalIdNumber> result = PersonalIdNumber.check("079301004567", LocalDate.of(2000, 1, 2), Sex.MALE, TODAY);
        assertThat(result.accepted()).isTrue();
        assertThat(result.problems()).containsExactly(IdNumberProblem.BIRTH_YEAR_MISMATCH, IdNumberProblem.SEX_MISMATCH);
        assertThat(PersonalIdNumber.check("079301004567", LocalDate.of(2001, 1, 2), Sex.FEMALE, TODAY).problems()).isEmpty();
    }

    @Test
    void aBirthYearAfterTodaysIsRefused() {
        assertThat(PersonalIdNumber.check("001299012345", TODAY).problems()).containsExactly(IdNumberProblem.BIRTH_YEAR_IN_FUTURE);
        assertThat(PersonalIdNumber.check("001227012345", TODAY).problems()).containsExactly(IdNumberProblem.BIRTH_YEAR_IN_FUTURE);
        assertThat(PersonalIdNumber.check("001226012345", TODAY).accepted()).as("born this year").isTrue();
        assertThat(PersonalIdNumber.check("001400012345", TODAY).problems()).as("2100").containsExactly(IdNumberProblem.BIRTH_YEAR_IN_FUTURE);
    }

    @Test
    void birthDatesTheCalendarDoesNotHaveAreRefusedNotMoved() {
        assertThat(BirthDate.parse("02/04/1990", TODAY).result()).contains(LocalDate.of(1990, 4, 2));
        assertThat(BirthDate.parse("2/4/1990", TODAY).result()).contains(LocalDate.of(1990, 4, 2));
        assertThat(BirthDate.parse("1990-04-02", TODAY).result()).contains(LocalDate.of(1990, 4, 2));
        assertThat(BirthDate.parse("29/02/2000", TODAY).accepted()).isTrue();
        assertThat(BirthDate.parse("31/02/1990", TODAY).problems()).containsExactly(BirthDate.Problem.NO_SUCH_DATE);
        assertThat(BirthDate.parse("29/02/1990", TODAY).problems()).containsExactly(BirthDate.Problem.NO_SUCH_DATE);
        assertThat(BirthDate.parse("32/13/1985", TODAY).problems()).containsExactly(BirthDate.Problem.NO_SUCH_DATE);
        assertThat(BirthDate.parse("1990-02-31", TODAY).problems()).containsExactly(BirthDate.Problem.NO_SUCH_DATE);
        assertThat(BirthDate.parse("02/04/90", TODAY).problems()).containsExactly(BirthDate.Problem.FORMAT);
        assertThat(BirthDate.parse("05/12/2026", TODAY).problems()).containsExactly(BirthDate.Problem.IN_FUTURE);
    }
}
