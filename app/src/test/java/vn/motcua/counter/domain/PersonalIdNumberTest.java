package vn.motcua.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.domain.identity.IdNumberProblem;
import vn.motcua.counter.domain.identity.InvalidIdNumberException;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.Sex;

class PersonalIdNumberTest {

    @Test
    void readsProvinceCenturySexAndYear() throws Exception {
        PersonalIdNumber number = PersonalIdNumber.parse("001 0 90 012345");
        assertThat(number.value()).isEqualTo("001090012345");
        assertThat(number.provinceName()).isEqualTo("Hà Nội");
        assertThat(number.sex()).isEqualTo(Sex.MALE);
        assertThat(number.birthYear()).isEqualTo(1990);
        assertThat(PersonalIdNumber.parse("079305000001").birthYear()).isEqualTo(2005);
        assertThat(PersonalIdNumber.parse("079305000001").sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void refusesWhatCannotBeANumber() {
        assertProblem("", IdNumberProblem.EMPTY);
        assertProblem("00109001234", IdNumberProblem.WRONG_LENGTH);
        assertProblem("00109001234X", IdNumberProblem.NOT_DIGITS);
        assertProblem("003090012345", IdNumberProblem.UNKNOWN_PROVINCE); // 003 is not a province code
        assertProblem("001690012345", IdNumberProblem.UNKNOWN_CENTURY);
    }

    @Test
    void reportsDisagreementWithStatedBirthDateAndSex() throws Exception {
        PersonalIdNumber number = PersonalIdNumber.parse("001190012345"); // female, 1990
        assertThat(number.inconsistencies(LocalDate.of(1990, 3, 1), Sex.FEMALE)).isEmpty();
        assertThat(number.inconsistencies(LocalDate.of(1991, 3, 1), Sex.MALE))
                .containsExactly(IdNumberProblem.BIRTH_YEAR_MISMATCH, IdNumberProblem.SEX_MISMATCH);
    }

    @Test
    void masksForLogs() throws Exception {
        assertThat(PersonalIdNumber.parse("001090012345").toString()).isEqualTo("001******345");
    }

    private static void assertProblem(String raw, IdNumberProblem expected) {
        assertThatThrownBy(() -> PersonalIdNumber.parse(raw))
                .isInstanceOf(InvalidIdNumberException.class)
                .satisfies(e -> assertThat(((InvalidIdNumberException) e).problem()).isEqualTo(expected));
    }
}
