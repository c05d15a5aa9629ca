package vn.motcua.counter.ui.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.bootstrap.CounterContext;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/** The form's behaviour without any window: work runs inline, on real services over a real data folder. */
class NewDossierViewModelTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    private CounterContext counter;
    private NewDossierViewModel model;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        model = new NewDossierViewModel(counter.reception(), counter.scanning(), counter.catalogue().procedures(),
                counter.profile(), Messages.of(Locale.forLanguageTag("vi-VN")), new UiExecutors(Runnable::run, Runnable::run));
    }

    @AfterEach
    void close() {
        counter.close();
    }

    @Test
    void findsProceduresWithoutDiacritics() {
        model.procedureFilterProperty().set("khai sinh");
        assertThat(model.procedures()).extracting(p -> p.name())
                .contains("Thủ tục đăng ký khai sinh", "Thủ tục đăng ký lại khai sinh")
                .noneMatch(name -> name.contains("khai tử"));
    }

    @Test
    void choosingAProcedureListsItsComponentsAndAppointment() {
        model.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
        assertThat(model.components()).hasSize(5);
        assertThat(model.processingDaysProperty().get()).isEqualTo(3);
        // Tuesday 2026-11-24 10:00 + 3 working days
        assertThat(model.appointmentProperty().get()).isEqualTo("Hẹn trả: 10:00 27/11/2026");
    }

    @Test
    void explainsAWrongIdNumberWhileTyping() {
        model.idNumberProperty().set("0011900123");
        assertThat(model.idMessageProperty().get()).isEmpty(); // still typing
        model.idNumberProperty().set("003190012345");
        assertThat(model.idMessageProperty().get()).contains("mã tỉnh");
        model.idNumberProperty().set("001190012345");
        model.birthDateProperty().set("02/04/1985");
        assertThat(model.idMessageProperty().get()).contains("Năm sinh không khớp");
    }

    @Test
    void aBadImageIsRefusedAndTheGoodOnesAreKept() throws Exception {
        model.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
        Path empty = Files.write(files.resolve("rong.png"), new byte[0]);
        Path good = Files.write(files.resolve("to-khai.png"), TestImages.png("Tờ khai"));
        ComponentItem first = model.components().getFirst();
        model.addImages(first, List.of(empty, good));
        assertThat(first.pages()).hasSize(1);
        assertThat(model.messageProperty().get()).contains("rong.png", "0 byte");
    }

    @Test
    void aRefusedReceptionKeepsEverythingTyped() throws Exception {
        model.fullNameProperty().set("Lê Văn Tám");
        model.idNumberProperty().set("001090012345");
        model.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
        model.receive(receipt -> { throw new AssertionError("must not be received without pages"); });
        assertThat(model.messageProperty().get()).contains("chưa có trang nào");
        assertThat(model.fullNameProperty().get()).isEqualTo("Lê Văn Tám");
        assertThat(counter.dossiers().receivedOn(LocalDate.of(2026, 11, 24))).isEmpty();

        model.addImages(model.components().getFirst(), List.of(Files.write(files.resolve("p.png"), TestImages.png("p"))));
        model.receive(receipt -> { });
        assertThat(model.receiptProperty().get()).isNotNull();
        assertThat(counter.dossiers().receivedOn(LocalDate.of(2026, 11, 24))).hasSize(1);
    }

    @Test
    void ctrlDownMovesTheCurrentComponentAndANewProcedureStartsAtTheFirst() {
        model.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
        for (int i = 0; i < 6; i++) {
            model.nextComponent();
        }
        assertThat(model.currentComponentProperty().get()).isEqualTo(1); // 5 components: wrapped once
        model.procedureProperty().set(counter.catalogue().procedure("1.001193").orElseThrow());
        assertThat(model.currentComponentProperty().get()).isZero();
    }
}
