package vn.motcua.counter.adapters.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.counter.CardBacks;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.ocr.MrzOcr;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.domain.identity.IdCardMrz;
import vn.motcua.counter.domain.identity.MrzCards;
import vn.motcua.counter.domain.identity.ParseResult;
import vn.motcua.counter.domain.identity.Sex;

/** Real Tesseract (Debian's eng model) on generated card backs: clean, turned, and scanned on a flatbed. */
class TesseractMrzImagesTest {

    private final TesseractMrzImages mrz = new TesseractMrzImages(new ImageIoPageImages(), new DefaultPageCleanup(),
            new MrzOcr(OcrSettings.defaults().tessdata(), "eng"));

    @Test
    void readsTheMrzOfACardBackAndItsCheckDigitsHold() {
        String lines = MrzCards.vietnamese("001085012345", "850314", 'M', "450314", "NGUYEN<<VAN<AN");

        String read = mrz.mrzLines(CardBacks.png(lines)).orElseThrow();

        assertThat(read).isEqualTo(lines);
        var parsed = IdCardMrz.parse(read, LocalDate.of(2026, 11, 21));
        assertThat(parsed).isInstanceOf(ParseResult.Ok.class);
        IdCardMrz card = parsed.result().orElseThrow();
        assertThat(card.personalIdNumber().value()).isEqualTo("001085012345");
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(card.sex()).isEqualTo(Sex.MALE);
        assertThat(card.surname()).isEqualTo("NGUYEN");
        assertThat(card.givenNames()).isEqualTo("VAN AN");
    }

    @Test
    void readsACardPutUpsideDownOrSideways() {
        String lines = MrzCards.vietnamese("079303001234", "030520", 'F', "430520", "TRAN<<THI<MAI<ANH");
        assertThat(mrz.mrzLines(CardBacks.png(lines, 2))).hasValue(lines);
        assertThat(mrz.mrzLines(CardBacks.png(lines, 1))).hasValue(lines);
    }

    /**
     * The card on a flatbed scanned to a whole A4 page: OCR-B over a guilloche, small on the page, skewed either way,
     * blurred, noisy, JPEG. Tesseract alone reads these fillers as K or C, merges runs of them and drops some.
     */
    @ParameterizedTest
    @CsvSource({
        "040190000876, 900112, F, 650112, LE<<THI<THU<HA,       -3.0,  100,  200",
        "079303001234, 030520, F, 430520, TRAN<<THI<MAI<ANH,    0.4,  446, 1462",
        "031098004567, 981130, M, 731130, PHAM<<DUC<KHANH,      1.8,  619,  293",
        "001085012345, 850314, M, 450314, NGUYEN<<VAN<AN,       3.5,  892, 1555",
    })
    void readsACardScannedOnTheFlatbedGlass(String id, String birth, char sex, String expiry, String names,
                                            double skew, int x, int y) throws Exception {
        String lines = MrzCards.vietnamese(id, birth, sex, expiry, names);
        byte[] scan = CardBacks.flatbedJpeg(lines, skew, x, y, x);
        java.nio.file.Path seen = java.nio.file.Path.of("target", "mrz", "flatbed-" + id + ".jpg");
        java.nio.file.Files.createDirectories(seen.getParent());
        java.nio.file.Files.write(seen, scan); // to look at

        assertThat(mrz.mrzLines(scan)).hasValue(lines);
    }

    @Test
    void aPageWithoutAnMrzGivesNothing() {
        assertThat(mrz.mrzLines(TestImages.png("Tờ khai đăng ký khai sinh"))).isEmpty();
    }

    @Test
    void evensOutFillersOcrMergedOrSplit() {
        assertThat(TesseractMrzImages.mrz("""
                I<UTOD231458907<<<<<<<<<<<<<<<<<
                7408122F1204159UTO<<<<<<<<<<6
                ERIKSSON<<ANNA<MARIA<<<<<<<<
                """).map(m -> IdCardMrz.parse(m, LocalDate.of(2026, 11, 21)).problems())).hasValue(java.util.List.of());
        assertThat(TesseractMrzImages.mrz("""
                I<UTOD231458907<<<<<<<<<<<<<<<<<
                7408122F1204159UTO<<<<<<<<<<6
                ERIKSSON<<ANNA<MARIA<<<<<<<<
                """)).hasValue("""
                I<UTOD231458907<<<<<<<<<<<<<<<
                7408122F1204159UTO<<<<<<<<<<<6
                ERIKSSON<<ANNA<MARIA<<<<<<<<<<""");
    }
}
