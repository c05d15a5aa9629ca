package vn.motcua.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScanErrorTest {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    @Test
    void everyErrorHasAVietnameseAndAnEnglishText() {
        for (ScanError error : ScanError.values()) {
            assertThat(error.message(VIETNAMESE)).as(error.name()).isNotEqualTo(error.messageKey());
            assertThat(error.message(Locale.ENGLISH)).as(error.name()).isNotEqualTo(error.messageKey());
            assertThat(error.message(VIETNAMESE)).as(error.name()).isNotEqualTo(error.message(Locale.ENGLISH));
        }
    }

    @Test
    void jamTellsTheClerkWhatToDoInVietnamese() {
        assertThat(ScanError.JAM.message(VIETNAMESE)).isEqualTo("Kẹt giấy: gỡ giấy rồi bấm Tiếp tục.");
    }

    @Test
    void messageKeysAreUnique() {
        assertThat(Arrays.stream(ScanError.values()).map(ScanError::messageKey).distinct())
                .hasSize(ScanError.values().length);
    }

    @Test
    void a4PixelSizesMatchWhatScannersReturn() {
        assertThat(PaperSize.A4.widthPixels(200)).isEqualTo(1654);
        assertThat(PaperSize.A4.heightPixels(200)).isEqualTo(2339);
        assertThat(PaperSize.A4.widthPixels(300)).isEqualTo(2480);
        assertThat(PaperSize.A4.heightPixels(300)).isEqualTo(3508);
    }
}
