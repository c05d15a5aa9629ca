package vn.motcua.counter.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdCardMrzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    /** ICAO Doc 9303 Part 5 TD1 specimen (Utopia, Anna Maria Eriksson). */
    private static final String ICAO_SPECIMEN = """
            I<UTOD231458907<<<<<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<
            """;

    /** 7-3-1 check digit written independently of the production code (index in "0-9A-Z", '<' = 0). */
    private static char check(String field) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            sum += (c == '<' ? 0 : alphabet.indexOf(c)) * weights[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    private static String pad(String s) {
        return (s + "<".repeat(30)).substring(0, 30);
    }

    /** A Vietnamese card for the constructed number 001085012345 (male, born 14/03/1985), built with {@link #check}. */
    static String vietnameseMrz(String idNumber, String birth, char sex, String expiry) {
        return vietnameseMrz(idNumber, birth, sex, expiry, check(idNumber));
    }

    static String vietnameseMrz(String idNumber, String birth, char sex, String expiry, char idNumberCheck) {
        String docNumber = idNumber.substring(3);
        String line1 = "IDVNM" + docNumber + check(docNumber) + idNumber + "<<" + idNumberCheck;
        String line2head = birth + check(birth) + sex + expiry + check(expiry) + "VNM" + "<".repeat(11);
        String composite = line1.substring(5) + line2head.substring(0, 7) + line2head.substring(8, 15) + line2head.substring(18);
        return line1 + "\n" + line2head + check(composite) + "\n" + pad("NGUYEN<<VAN<AN");
    }

    @Test
    void theTestCheckDigitReproducesTheSpecimen() {
        assertThat(check("D23145890")).isEqualTo('7');
        assertThat(check("740812")).isEqualTo('2');
        assertThat(check("120415")).isEqualTo('9');
        assertThat(MrzCheckDigit.of("D23145890<<<<<<<<<<<<<<<7408122120415<<<<<<<<<<<")).isEqualTo(6);
    }

    @Test
    void readsTheIcaoSpecimen() {
        IdCardMrz mrz = IdCardMrz.parse(ICAO_SPECIMEN, TODAY).result().orElseThrow();
        assertThat(mrz.documentCode()).isEqualTo("I");
        assertThat(mrz.issuingState()).isEqualTo("UTO");
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(mrz.sex()).isEqualTo(Sex.FEMALE);
        assertThat(mrz.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.surname()).isEqualTo("ERIKSSON");
        assertThat(mrz.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(mrz.personalIdNumber()).isNull();
    }

    @Test
    void theNameEndsAtTheFillersAfterTheGivenNames() {
        String lines = vietnameseMrz("001085012345", "850314", 'M', "450314");
        String strayMark = lines.substring(0, lines.length() - 6) + "K<<<<<"; // OCR read one filler as K

        IdCardMrz mrz = IdCardMrz.parse(strayMark, TODAY).result().orElseThrow();

        assertThat(mrz.surname()).isEqualTo("NGUYEN");
        assertThat(mrz.givenNames()).isEqualTo("VAN AN");
    }

    @Test
    void readsAVietnameseCardWithItsTwelveDigitNumber() {
        ParseResult<IdCardMrz> parsed = IdCardMrz.parse(vietnameseMrz("001085012345", "850314", 'M', "450314"), TODAY);
        assertThat(parsed.problems()).isEmpty();
        IdCardMrz mrz = parsed.result().orElseThrow();
        assertThat(mrz.documentNumber()).isEqualTo("085012345");
        assertThat(mrz.personalIdNumber().value()).isEqualTo("001085012345");
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(mrz.expiryDate()).isEqualTo(LocalDate.of(2045, 3, 14));
        assertThat(mrz.surname()).isEqualTo("NGUYEN");
        assertThat(mrz.givenNames()).isEqualTo("VAN AN");
        assertThat(mrz.toString()).doesNotContain("NGUYEN").doesNotContain("085012345");
    }

    @Test
    void toleratesOneRunSpacesAndLowerCase() {
        String oneRun = ICAO_SPECIMEN.replace("\n", "");
        assertThat(IdCardMrz.parse(oneRun, TODAY).accepted()).isTrue();
        assertThat(IdCardMrz.parse(ICAO_SPECIMEN.toLowerCase().replace("<<<<", "<< <<"), TODAY).accepted()).isTrue();
    }

    @Test
    void aSingleMisreadCharacterIsCaught() {
        String misread = ICAO_SPECIMEN.replace("D23145890", "D23145880");
        assertThat(IdCardMrz.parse(misread, TODAY).problems())
                .containsExactly(IdCardMrz.Problem.BAD_DOCUMENT_NUMBER_CHECK, IdCardMrz.Problem.BAD_COMPOSITE_CHECK);
        String badBirth = ICAO_SPECIMEN.replace("7408122F", "7408132F");
        assertThat(IdCardMrz.parse(badBirth, TODAY).problems()).contains(IdCardMrz.Problem.BAD_BIRTH_DATE_CHECK);
    }

    @Test
    void aVietnameseNumberThatDisagreesIsRejectedAndInconsistenciesAreWarnings() {
        String valid = vietnameseMrz("001085012345", "850314", 'M', "450314");
        // the document number no longer matches the last 9 digits (check digits recomputed so only that is wrong)
        String swapped = vietnameseMrz("001085012345", "850314", 'M', "450314")
                .replace("IDVNM085012345" + check("085012345"), "IDVNM085012346" + check("085012346"));
        assertThat(IdCardMrz.parse(swapped, TODAY).problems()).contains(IdCardMrz.Problem.ID_NUMBER_MISMATCH);
        // a woman's MRZ for a man's number: accepted, with the inconsistency as a warning
        ParseResult<IdCardMrz> female = IdCardMrz.parse(vietnameseMrz("001085012345", "850314", 'F', "450314"), TODAY);
        assertThat(female.accepted()).isTrue();
        assertThat(female.problems()).containsExactly(IdNumberProblem.SEX_MISMATCH);
        assertThat(IdCardMrz.parse(vietnameseMrz("001085012345", "850314", 'M', "450314", '<'), TODAY).accepted())
                .as("no check digit for the 12-digit number").isTrue();
        char wrong = (char) ('0' + (check("001085012345") - '0' + 1) % 10);
        assertThat(IdCardMrz.parse(vietnameseMrz("001085012345", "850314", 'M', "450314", wrong), TODAY).problems())
                .containsExactly(IdCardMrz.Problem.BAD_ID_NUMBER_CHECK);
        assertThat(IdCardMrz.parse(valid, TODAY).accepted()).isTrue();
    }

    @Test
    void rejectsWhatIsNotATd1Mrz() {
        assertThat(IdCardMrz.parse("", TODAY).problems()).containsExactly(IdCardMrz.Problem.EMPTY);
        assertThat(IdCardMrz.parse("P<UTOERIKSSON<<ANNA<MARIA", TODAY).problems()).containsExactly(IdCardMrz.Problem.NOT_TD1);
        assertThat(IdCardMrz.parse(ICAO_SPECIMEN.replaceFirst("<\n", "\n"), TODAY).problems()).containsExactly(IdCardMrz.Problem.NOT_TD1);
    }

    @Test
    void twoDigitBirthYearsStayInThePast() {
        String born2010 = vietnameseMrz("001210012345", "100101", 'M', "300101");
        IdCardMrz mrz = IdCardMrz.parse(born2010, TODAY).result().orElseThrow();
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(mrz.personalIdNumber().birthYear()).isEqualTo(2010);
    }
}
