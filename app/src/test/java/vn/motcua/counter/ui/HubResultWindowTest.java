package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.FileRef;

/**
 * The real window linked to the real hub on loopback: the result the department attached there shows on the dossier
 * screen, named as from the hub, the dossier is ready to return, and the viewer (F5) opens the result's PDF.
 */
class HubResultWindowTest {

    private static final String OFFICER = "Chuyên viên Lê Văn Tâm";

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    private TestHub hub;
    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(hubData);
        String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
        TestCounter.hubSettingsForCommands(data, hub.base.toString(), enrolment);
        System.setProperty("motcua.sync.pull_seconds", "0");
        window = CounterWindow.open(data, List::of);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            window.close();
        } finally {
            TestCounter.clearHubProperties();
            System.clearProperty("motcua.sync.pull_seconds");
            hub.close();
        }
    }

    private static byte[] resultPdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
                text.newLineAtOffset(72, 700);
                text.showText("QUYET DINH cap giay phep");
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theDepartmentsResultShowsOnTheDossierScreenAndOpensInTheViewer() throws Exception {
        CounterWiring counter = window.counter();
        TestCounter.awaitEnrolled(counter);
        String code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code()
                .value();
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
        var stored = hub.hub.uploads().storeWhole(new ByteArrayInputStream(resultPdf()), null, 1_000_000);
        hub.hub.processing().changeStatus(code, 4, OFFICER, null);
        hub.hub.processing().attachResults(code, List.of(new FileRef(stored.sha256(), stored.size(),
                "quyet-dinh-cap-phep.pdf", FileRef.Kind.RESULT)), OFFICER, "Quyết định cấp phép");
        hub.hub.processing().changeStatus(code, 9, OFFICER, null);
        counter.syncing().syncNow(Duration.ofSeconds(60));
        // and a change naming a file the hub does not hold for this counter: its download fails, with the reason
        counter.hubChanges().apply(new Api.Change(1_000_000, code, Api.ChangeKind.RESULT, 9,
                java.time.OffsetDateTime.now(), OFFICER, null,
                List.of(new FileRef("ab".repeat(32), 1234, "ket-qua-bi-go.pdf", FileRef.Kind.RESULT))));
        counter.pipeline().wake();
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();

        robot.clickOn("Làm mới (F5)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#todayTable").queryTableView().getItems().size() == 1);
        robot.doubleClickOn(robot.lookup("#todayTable .table-row-cell").<Node>query());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#detailStatus").tryQuery().isPresent()
                && "Đã xử lý xong".equals(robot.lookup("#detailStatus").queryLabeled().getText()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#resultCount").queryLabeled().getText()
                .contains("quyet-dinh-cap-phep.pdf (từ máy chủ tỉnh, " + OFFICER + ")"));
        assertThat(robot.lookup("#resultCount").queryLabeled().getText()).startsWith("Kết quả đã đính kèm: 1 trang")
                .contains("Không tải được kết quả từ máy chủ tỉnh: máy chủ tỉnh không có tệp kết quả "
                        + "\"ket-qua-bi-go.pdf\"");
        assertThat(robot.lookup("#retryWork").queryButton().isVisible()).as("F12 takes it up again").isTrue();
        assertThat(robot.lookup("#returnResult").queryButton().isDisabled()).as("F10 returns it").isFalse();
        List<String> history = robot.lookup("#history").queryListView().getItems().stream().map(String::valueOf)
                .toList();
        assertThat(history).anyMatch(entry -> entry.contains("quyet-dinh-cap-phep.pdf"));
        WindowShots.save(robot, robot.lookup("#resultCount").query(), "dossier-result-from-hub.png");

        robot.clickOn("#viewCopies");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#closePreview").tryQuery()
                .filter(button -> button.getScene().getWindow().isShowing()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((javafx.stage.Stage) robot.lookup("#closePreview").query().getScene().getWindow()).getTitle())
                .contains("Kết quả: quyet-dinh-cap-phep.pdf");
        WindowShots.save(robot, robot.lookup("#closePreview").query(), "result-from-hub-viewer.png");
        robot.clickOn("#closePreview");
    }
}
