package vn.motcua.counter.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CardQrCodeTest {

    // Constructed sample: Hà Nội (001), male born 1985 (century digit 0, year 85).
    private static final String FULL =
            "001085012345|123456789|Nguyễn Văn An|14031985|Nam|Số 1 phố Huế, Hai Bà Trưng, Hà Nội|10052021";

    @Test
    void readsAllSevenFields() {
        ParseResult<CardQrCode> parsed = CardQrCode.parse(FULL);
        assertThat(parsed.problems()).isEmpty();
        CardQrCode card = parsed.result().orElseThrow();
        assertThat(card.idNumber().value()).isEqualTo("001085012345");
        assertThat(card.oldIdNumber()).isEqualTo("123456789");
        assertThat(card.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(card.sex()).isEqualTo(Sex.MALE);
        assertThat(card.address()).isEqualTo("Số 1 phố Huế, Hai Bà Trưng, Hà Nội");
        assertThat(card.issueDate()).isEqualTo(LocalDate.of(2021, 5, 10));
        assertThat(card.toString()).doesNotContain("Nguyễn").doesNotContain("001085012345");
    }

    @Test
    void toleratesFewerFieldsAndAnEmptyOldNumber() {
        CardQrCode card = CardQrCode.parse("079301004567||Trần Thị Bình|02012001|Nữ").result().orElseThrow();
        assertThat(card.oldIdNumber()).isNull();
        assertThat(card.sex()).isEqualTo(Sex.FEMALE);
        assertThat(card.address()).isNull();
        assertThat(card.issueDate()).isNull();
        assertThat(CardQrCode.parse("079301004567").result()).hasValueSatisfying(c -> assertThat(c.fullName()).isNull());
    }

    @Test
    void keepsTrailingFieldsAndIgnoresWedgeReaderNoise() {
        String noisy = "\uFEFF]Q1" + FULL + "|extra|\r\n\u0000";
        CardQrCode card = CardQrCode.parse(noisy).result().orElseThrow();
        assertThat(card.idNumber().value()).isEqualTo("001085012345");
        assertThat(card.issueDate()).isEqualTo(LocalDate.of(2021, 5, 10));
        assertThat(card.extraFields()).containsExactly("extra");
        // a reader typing with another keyboard layout may turn '|' into '¦'; decomposed Vietnamese letters are normalised
        String decomposed = Normalizer.normalize("079301004567¦¦Trần Thị Bình¦02012001¦Nữ", Normalizer.Form.NFD);
        CardQrCode second = CardQrCode.parse(decomposed).result().orElseThrow();
        assertThat(second.sex()).isEqualTo(Sex.FEMALE);
        assertThat(second.fullName()).isEqualTo("Trần Thị Bình");
    }

    @Test
    void unreadableFieldsAndInconsistenciesAreWarnings() {
        ParseResult<CardQrCode> parsed = CardQrCode.parse("001085012345|12AB|Nguyễn Văn An|31021985|Nữ|Hà Nội|99999999");
        assertThat(parsed.accepted()).isTrue();
        assertThat(parsed.problems()).containsExactly(CardQrCode.Problem.BAD_OLD_ID_NUMBER, CardQrCode.Problem.BAD_BIRTH_DATE,
                CardQrCode.Problem.BAD_ISSUE_DATE, IdNumberProblem.SEX_MISMATCH);
        assertThat(CardQrCode.parse("001085012345|123456789|An|14031986|Nam").problems())
                .containsExactly(IdNumberProblem.BIRTH_YEAR_MISMATCH);
    }

    @Test
    void rejectsWhatIsNotACardQr() {
        assertThat(CardQrCode.parse("https://example.vn/x").problems()).containsExactly(CardQrCode.Problem.NOT_A_CARD_QR);
        assertThat(CardQrCode.parse(" \r\n").problems()).containsExactly(CardQrCode.Problem.EMPTY);
        assertThat(CardQrCode.parse(null).problems()).containsExactly(CardQrCode.Problem.EMPTY);
        assertThat(CardQrCode.parse("999085012345|x").problems()).containsExactly(IdNumberProblem.UNKNOWN_PROVINCE);
        assertThat(CardQrCode.Problem.NOT_A_CARD_QR.messageKey()).isEqualTo("qr.problem.not_a_card_qr");
    }
}
