package vn.motcua.counter.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonalIdNumberCheckTest {

    @Test
    void checkReturnsValuesInsteadOfThrowing() {
        assertThat(PersonalIdNumber.check("001 085 012 345").result()).hasValueSatisfying(n -> assertThat(n.sex()).isEqualTo(Sex.MALE));
        assertThat(PersonalIdNumber.check("00108501234").problems()).containsExactly(IdNumberProblem.WRONG_LENGTH);
        assertThat(PersonalIdNumber.check(null).problems()).containsExactly(IdNumberProblem.EMPTY);
        assertThat(PersonalIdNumber.check("001685012345").problems()).containsExactly(IdNumberProblem.UNKNOWN_CENTURY);
    }

    @Test
    void statedBirthDateAndSexBecomeWarnings() {
        ParseResult<PersonalIdNumber> result = PersonalIdNumber.check("079301004567", LocalDate.of(2000, 1, 2), Sex.MALE);
        assertThat(result.accepted()).isTrue();
        assertThat(result.problems()).containsExactly(IdNumberProblem.BIRTH_YEAR_MISMATCH, IdNumberProblem.SEX_MISMATCH);
        assertThat(PersonalIdNumber.check("079301004567", LocalDate.of(2001, 1, 2), Sex.FEMALE).problems()).isEmpty();
    }
}
