package vn.motcua.counter.adapters.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.CardBacks;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.capture.ocr.MrzOcr;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.domain.identity.IdCardMrz;
import vn.motcua.counter.domain.identity.MrzCards;
import vn.motcua.counter.domain.identity.ParseResult;
import vn.motcua.counter.domain.identity.Sex;

/** Real Tesseract (Debian's eng model) on a generated card back. */
class TesseractMrzImagesTest {

    private final TesseractMrzImages mrz = new TesseractMrzImages(new ImageIoPageImages(),
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
