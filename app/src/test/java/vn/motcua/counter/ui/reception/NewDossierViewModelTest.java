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
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/** The form's behaviour without any window: work runs inline, on real services over a real data folder. */
class NewDossierViewModelTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    private CounterWiring counter;
    private NewDossierViewModel model;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        model = new NewDossierViewModel(counter.reception(), counter.scanning(), counter.cardReader(),
                counter.catalogue().procedures(),
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
    void theProcedureWhoseWordsWereTypedComesFirst() {
        for (String typed : List.of("khai tử", "khai tu")) {
            model.procedureFilterProperty().set(typed);
            assertThat(model.procedures()).as(typed).first()
                    .satisfies(p -> assertThat(p.name()).isEqualTo("Thủ tục đăng ký khai tử"));
        }
        model.procedureFilterProperty().set("khai sinh");
        assertThat(model.procedures()).extracting(p -> p.name()).startsWith("Thủ tục đăng ký khai sinh");
        model.procedureFilterProperty().set("ket hon");
        assertThat(model.procedures()).first().satisfies(p -> assertThat(p.name()).isEqualTo("Thủ tục đăng ký kết hôn"));
        model.procedureFilterProperty().set("");
        assertThat(model.procedures()).hasSize(counter.catalogue().procedures().size());
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
    void fillsTheApplicantFromACardQrCode() {
        model.readCardQr("001190012345|012345678|Nguyễn Thị Hồng Nhung|02041990|Nữ|Số 5 phố Hàng Bài, Hà Nội|15082021");
        assertThat(model.messageProperty().get()).isEqualTo("Đã điền thông tin từ mã QR thẻ căn cước.");
        assertThat(model.fullNameProperty().get()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(model.birthDateProperty().get()).isEqualTo("02/04/1990");
        assertThat(model.sexProperty().get()).isEqualTo(vn.motcua.counter.domain.identity.Sex.FEMALE);
        assertThat(model.idMessageProperty().get()).isEmpty();

        model.readCardQr("not a card|x|y");
        assertThat(model.messageProperty().get()).contains("không phải mã QR");
        assertThat(model.fullNameProperty().get()).isEqualTo("Nguyễn Thị Hồng Nhung");
    }

    @Test
    void readsTheApplicantFromAPictureOfTheCard() throws Exception {
        String qr = "079305000001||Trần Thị Bích Ngọc|15062005|Nữ|12 Nguyễn Huệ, Bến Nghé, TP Hồ Chí Minh|20032022";
        Path picture = files.resolve("the-can-cuoc.png");
        javax.imageio.ImageIO.write(cardPicture(qr), "png", picture.toFile());
        model.readCardPicture(picture);
        assertThat(model.fullNameProperty().get()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(model.idNumberProperty().get()).isEqualTo("079305000001");
        assertThat(model.birthDateProperty().get()).isEqualTo("15/06/2005");

        Path noCode = Files.write(files.resolve("trang.png"), TestImages.png("không có mã QR"));
        model.readCardPicture(noCode);
        assertThat(model.messageProperty().get()).contains("Không tìm thấy mã QR", "trang.png");
    }

    /** The front of a card at 300 dpi, turned a quarter, as a flatbed scan of a card placed sideways looks. */
    private static java.awt.image.BufferedImage cardPicture(String qr) throws Exception {
        var matrix = new com.google.zxing.qrcode.QRCodeWriter().encode(qr, com.google.zxing.BarcodeFormat.QR_CODE, 260, 260,
                java.util.Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8"));
        var code = com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(matrix);
        var card = new java.awt.image.BufferedImage(638, 1011, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = card.createGraphics();
        g.setColor(new java.awt.Color(226, 236, 228));
        g.fillRect(0, 0, card.getWidth(), card.getHeight());
        g.rotate(Math.PI / 2, 319, 319);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.drawString("CĂN CƯỚC CÔNG DÂN", 60, 80);
        g.drawImage(code, 700, 40, null);
        g.dispose();
        return card;
    }

    @Test
    void recognisesACardQrBurstAndNothingElse() {
        var detector = new WedgeScanDetector();
        String qr = "001190012345||Lê Văn Tám|01011990|Nam|Hà Nội|01012021";
        long t = 0;
        for (char c : qr.toCharArray()) {
            detector.typed(String.valueOf(c), t += 5_000_000L);
        }
        assertThat(detector.scanning()).isTrue();
        assertThat(detector.complete()).contains(qr);
        for (char c : qr.toCharArray()) {
            detector.typed(String.valueOf(c), t += 1_500_000_000L); // pauses: every key starts over
        }
        assertThat(detector.scanning()).isFalse();
        assertThat(detector.complete()).isEmpty();
        for (char c : "001190012345".toCharArray()) {
            detector.typed(String.valueOf(c), t += 5_000_000L); // an ID number typed or scanned alone
        }
        assertThat(detector.scanning()).isFalse();
        assertThat(detector.complete()).isEmpty();
    }

    @Test
    void anIdMismatchIsReceivedOnlyWithAReasonKeptInTheHistory() throws Exception {
        model.fullNameProperty().set("Lê Văn Tám");
        model.idNumberProperty().set("001090012345"); // male, born 1990
        model.birthDateProperty().set("01/01/1991");
        assertThat(model.idMismatchProperty().get()).isTrue();
        model.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
        model.addImages(model.components().getFirst(), List.of(Files.write(files.resolve("p.png"), TestImages.png("p"))));

        model.receive(receipt -> { throw new AssertionError("a mismatch needs a reason"); });
        assertThat(model.messageProperty().get()).contains("ghi lý do vẫn tiếp nhận");
        assertThat(counter.dossiers().receivedOn(LocalDate.of(2026, 11, 24))).isEmpty();

        model.identityOverrideProperty().set("Giấy khai sinh ghi năm 1991, thẻ cấp theo sổ hộ khẩu cũ");
        model.receive(receipt -> { });
        var code = model.receiptProperty().get().dossier().code();
        assertThat(counter.dossiers().history(code)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("IDENTITY_MISMATCH_ACCEPTED");
            assertThat(e.detail()).contains("BIRTH_YEAR_MISMATCH", "sổ hộ khẩu cũ");
        });
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
    void impossibleBirthDatesAreRefusedWithTheCommandLinesMessageAndKeptAsTyped() throws Exception {
        model.fullNameProperty().set("Lê Văn Tám");
        model.idNumberProperty().set("001090012345"); // born 1990
        model.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
        model.addImages(model.components().getFirst(), List.of(Files.write(files.resolve("p.png"), TestImages.png("p"))));
        for (String typed : List.of("31/02/1990", "32/13/1985")) {
            String noSuchDate = Messages.of(Locale.forLanguageTag("vi-VN")).text("birthdate.problem.no_such_date", typed);
            model.birthDateProperty().set(typed);
            assertThat(model.birthDateMessageProperty().get()).isEqualTo(noSuchDate);
            model.receive(receipt -> { throw new AssertionError(typed + " is not a date"); });
            assertThat(model.messageProperty().get()).isEqualTo(noSuchDate);
            assertThat(model.birthDateProperty().get()).isEqualTo(typed);
        }
        assertThat(counter.dossiers().receivedOn(LocalDate.of(2026, 11, 24))).isEmpty();

        model.birthDateProperty().set("02/04/1985"); // a real date: the ID number's birth-year check comes back
        assertThat(model.birthDateMessageProperty().get()).isEmpty();
        assertThat(model.idMismatchProperty().get()).isTrue();
    }

    @Test
    void anIdNumberBornInTheFutureIsRefused() {
        model.idNumberProperty().set("001299012345"); // century digit 2, year 99: born 2099
        assertThat(model.idMessageProperty().get()).contains("ở sau năm nay");
        assertThat(model.applicantId()).isEmpty();
        model.idNumberProperty().set("001226012345"); // 2026: this year, possible
        assertThat(model.idMessageProperty().get()).isEmpty();
    }

    @Test
    void theClerkAddsAPaperTheCatalogueDoesNotList() throws Exception {
        model.addOtherComponent("Bản di chúc");
        assertThat(model.messageProperty().get()).contains("thủ tục");
        assertThat(model.components()).isEmpty();

        model.fullNameProperty().set("Lê Văn Tám");
        model.idNumberProperty().set("001090012345");
        model.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
        model.addOtherComponent("  ");
        assertThat(model.components()).hasSize(5);
        model.addOtherComponent("Giấy ủy quyền có công chứng");
        assertThat(model.components()).hasSize(6);
        assertThat(model.currentComponentProperty().get()).isEqualTo(5);
        model.addOtherComponent("giay uy quyen co cong chung");
        assertThat(model.components()).as("the same name again").hasSize(6);
        assertThat(model.messageProperty().get()).contains("số 6");

        model.addImages(model.components().get(5), List.of(Files.write(files.resolve("uq.png"), TestImages.png("UQ"))));
        model.receive(receipt -> { });
        var saved = counter.dossiers().dossier(model.receiptProperty().get().dossier().code()).orElseThrow();
        assertThat(saved.handedIn()).singleElement().satisfies(d -> {
            assertThat(d.component().name()).isEqualTo("Giấy ủy quyền có công chứng");
            assertThat(d.component().note()).isEqualTo(NewDossierViewModel.OTHER_COMPONENT_NOTE);
        });
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
