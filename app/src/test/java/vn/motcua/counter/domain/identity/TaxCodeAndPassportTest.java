package vn.motcua.counter.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxCodeAndPassportTest {

    @Test
    void publishedTaxCodesAreValid() {
        // 0100233488 and 0314409058-002: python-stdnum's doctests; 0100109106: Viettel's published tax code.
        assertThat(TaxCode.parse("0100233488").result()).hasValueSatisfying(t -> assertThat(t.isBranch()).isFalse());
        assertThat(TaxCode.parse("0100109106").accepted()).isTrue();
        ParseResult<TaxCode> branch = TaxCode.parse(" 0314409058-002 ");
        assertThat(branch.result()).hasValueSatisfying(t -> {
            assertThat(t.base()).isEqualTo("0314409058");
            assertThat(t.branch()).isEqualTo("002");
            assertThat(t.provinceCode()).isEqualTo("03");
            assertThat(t).hasToString("0314409058-002");
        });
        assertThat(TaxCode.parse("01.00.233.488").accepted()).as("dots as typed").isTrue();
        assertThat(TaxCode.parse("0312 68 78 78 - 001").accepted()).isTrue();
    }

    @Test
    void everySingleDigitTypoIsCaught() {
        String valid = "0100233488";
        for (int position = 0; position < 10; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(TaxCode.parse(typo).accepted()).as(typo).isFalse();
            }
        }
    }

    @Test
    void invalidTaxCodesSayWhy() {
        assertThat(TaxCode.parse("0100233480").problems()).containsExactly(TaxCode.Problem.BAD_CHECK_DIGIT);
        assertThat(TaxCode.parse("12345").problems()).containsExactly(TaxCode.Problem.WRONG_LENGTH);
        assertThat(TaxCode.parse("01002334AB").problems()).containsExactly(TaxCode.Problem.NOT_DIGITS);
        assertThat(TaxCode.parse("").problems()).containsExactly(TaxCode.Problem.EMPTY);
        assertThat(TaxCode.parse(null).problems()).containsExactly(TaxCode.Problem.EMPTY);
        assertThat(TaxCode.parse("0100000000").problems()).containsExactly(TaxCode.Problem.ZERO_SEQUENCE);
        assertThat(TaxCode.parse("0314409058-000").problems()).containsExactly(TaxCode.Problem.ZERO_BRANCH);
        // 010000005: weighted sum 29 + 15 = 44 = 4 × 11, so no check digit completes it.
        for (char last = '0'; last <= '9'; last++) {
            assertThat(TaxCode.parse("010000005" + last).accepted()).isFalse();
        }
        assertThat(TaxCode.Problem.BAD_CHECK_DIGIT.messageKey()).isEqualTo("taxcode.problem.bad_check_digit");
    }

    @Test
    void vietnamesePassportsAreALetterAndSevenDigits() {
        assertThat(PassportNumber.parse("c1234567", "vnm").result())
                .contains(new PassportNumber("C1234567", "VNM"));
        assertThat(PassportNumber.parse("C123456", "VNM").problems()).containsExactly(PassportNumber.Problem.BAD_VIETNAMESE_FORMAT);
        assertThat(PassportNumber.parse("12345678", "VNM").problems()).containsExactly(PassportNumber.Problem.BAD_VIETNAMESE_FORMAT);
    }

    @Test
    void foreignPassportsNeedTheIssuingCountry() {
        assertThat(PassportNumber.parse("L898902C3", "UTO").problems()).containsExactly(PassportNumber.Problem.UNKNOWN_COUNTRY);
        assertThat(PassportNumber.parse("L898902C3", "FRA").accepted()).isTrue();
        assertThat(PassportNumber.parse("C01X00T47", "D").accepted()).as("ICAO code of Germany").isTrue();
        assertThat(PassportNumber.parse("AB12", "JPN").problems()).containsExactly(PassportNumber.Problem.BAD_FORMAT);
        assertThat(PassportNumber.parse("AB12-3456", "JPN").problems()).containsExactly(PassportNumber.Problem.BAD_FORMAT);
        assertThat(PassportNumber.parse("TZ1234567", " ").problems()).containsExactly(PassportNumber.Problem.MISSING_COUNTRY);
        assertThat(PassportNumber.parse(" ", "JPN").problems()).containsExactly(PassportNumber.Problem.EMPTY);
    }
}
