package vn.motcua.counter.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The ID card's QR text and the MRZ band come from a camera or a scanner's OCR: any string. The parsers answer with a
 * {@link ParseResult} and never throw (decision 0006). Saved inputs, as UTF-8 text:
 * {@code src/test/resources/vn/motcua/counter/domain/identity/IdentityFuzzTestInputs/<method>/}.
 */
class IdentityFuzzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @FuzzTest(maxDuration = "2m")
    void cardQrCode(byte[] scanned) {
        ParseResult<CardQrCode> result = CardQrCode.parse(text(scanned));
        assertThat(result.accepted() ? result.result().isPresent() : !result.problems().isEmpty()).isTrue();
    }

    @FuzzTest(maxDuration = "2m")
    void idCardMrz(byte[] band) {
        ParseResult<IdCardMrz> result = IdCardMrz.parse(text(band), TODAY);
        assertThat(result.accepted() ? result.result().isPresent() : !result.problems().isEmpty()).isTrue();
    }

    @FuzzTest(maxDuration = "2m")
    void typedIdNumbers(byte[] typed) {
        String text = text(typed);
        assertThat(PersonalIdNumber.check(text, TODAY)).isNotNull();
        assertThat(TaxCode.parse(text)).isNotNull();
        assertThat(PassportNumber.parse(text, "VNM")).isNotNull();
        assertThat(BirthDate.parse(text, TODAY)).isNotNull();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
