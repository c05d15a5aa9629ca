package vn.motcua.counter.ui.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.CardBacks;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.identity.MrzCards;
import vn.motcua.counter.domain.identity.Sex;

/** "Đọc MRZ từ ảnh mặt sau…" on a real counter: Tesseract reads a generated card back, the domain checks it. */
class CardMrzViewModelTest {

    private static final String MRZ = MrzCards.vietnamese("001085012345", "850314", 'M', "450314", "NGUYEN<<VAN<AN");

    @TempDir
    Path data;

    private CounterWiring counter;
    private NewDossierViewModel model;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        model = Forms.newDossier(counter);
    }

    @AfterEach
    void close() {
        counter.close();
    }

    @Test
    void fillsTheApplicantFromAPictureOfTheCardBack() throws Exception {
        model.readCardMrzPicture(Files.write(data.resolve("mat-sau.png"), CardBacks.png(MRZ)));

        assertThat(model.messageProperty().get()).isEqualTo("Đã điền thông tin từ dòng MRZ mặt sau thẻ.");
        assertThat(model.idNumberProperty().get()).isEqualTo("001085012345");
        assertThat(model.birthDateProperty().get()).isEqualTo("14/03/1985");
        assertThat(model.sexProperty().get()).isEqualTo(Sex.MALE);
        assertThat(model.fullNameProperty().get()).isEqualTo("NGUYEN VAN AN");
        assertThat(model.idMessageProperty().get()).isEmpty();
    }

    @Test
    void keepsATypedNameWithItsDiacritics() {
        model.fullNameProperty().set("Nguyễn Văn An");
        model.readCardMrz(MRZ);
        assertThat(model.fullNameProperty().get()).isEqualTo("Nguyễn Văn An");
        assertThat(model.idNumberProperty().get()).isEqualTo("001085012345");
    }

    /**
     * Just after midnight in Vietnam it is still the day before in UTC: a baby born "today" must read as born this
     * year, not a century ago, so the MRZ's two-digit year is resolved against the counter's Vietnam-time day.
     */
    @Test
    void readsABirthTodayAgainstTheCountersVietnamDay() {
        counter.close();
        Clock justAfterMidnight = Clock.fixed(LocalDateTime.of(2026, 3, 15, 0, 30).atZone(SaveLoopClock.VIETNAM)
                .toInstant(), SaveLoopClock.VIETNAM);
        counter = TestCounter.open(data.resolve("midnight"), justAfterMidnight);
        model = Forms.newDossier(counter);

        model.readCardMrz(MrzCards.vietnamese("001226012345", "260315", 'M', "410315", "NGUYEN<<VAN<BE"));

        assertThat(model.birthDateProperty().get()).isEqualTo("15/03/2026");
        assertThat(model.idNumberProperty().get()).isEqualTo("001226012345");
        assertThat(model.idMessageProperty().get()).isEmpty();
    }

    @Test
    void showsTheFailedCheckDigitAndFillsNothing() {
        // birth date misread 850314 → 850814: its check digit no longer holds
        model.readCardMrz(MRZ.replace("850314", "850814"));
        assertThat(model.messageProperty().get()).startsWith("Không dùng được MRZ đọc từ ảnh:")
                .contains("Sai chữ số kiểm tra của ngày sinh.");
        assertThat(model.idNumberProperty().get()).isEmpty();
        assertThat(model.birthDateProperty().get()).isEmpty();
    }

    @Test
    void saysSoWhenThePictureHasNoMrz() throws Exception {
        model.readCardMrzPicture(Files.write(data.resolve("to-khai.png"), TestImages.png("Tờ khai")));
        assertThat(model.messageProperty().get()).isEqualTo(
                "Không tìm thấy dòng MRZ trong ảnh to-khai.png. Hãy quét mặt sau của thẻ rõ hơn.");
    }
}
