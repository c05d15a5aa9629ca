package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.capture.pdfa.VeraPdf;
import vn.motcua.counter.capture.testpages.TestPageGenerator;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;

/** {@code ocr} run in-process through the real root command, on generated scans and real Tesseract. */
class CaptureOcrCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MotcuaCommand.commandLine(new MotcuaCommand(CounterLauncher.load())).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void anImageAndAPdfBecomeOneSearchableValidPdfa() throws Exception {
        var form = TestPageGenerator.generate(Layout.FORM, Scan.of(300, 1.2), 7);
        Path png = dir.resolve("to-khai.png");
        ImageIO.write(form.image(), "png", png.toFile());
        // a scanner that saves PDF: the certificate's scan as the only content of an A4 page
        var certificate = TestPageGenerator.generate(Layout.CERTIFICATE_WITH_SEAL, Scan.of(300, -0.8), 8);
        Path scannedPdf = dir.resolve("giay-xac-nhan.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            var image = LosslessFactory.createFromImage(doc, certificate.image());
            try (var content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            doc.save(scannedPdf.toFile());
        }
        Path copy = dir.resolve("ban-sao.pdf");

        int exit = run("ocr", "--json", "--lang", "vie", "--out", copy.toString(), png.toString(), scannedPdf.toString());

        assertThat(exit).as(err.toString()).isZero();
        byte[] pdf = Files.readAllBytes(copy);
        assertThat(VeraPdf.failures(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            var stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(doc)).contains("KHAI SINH", "Hạnh phúc", "Nơi cư trú");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(doc)).contains("TÌNH TRẠNG HÔN NHÂN", "kết hôn");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("ban-sao");
        }
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("bytes").asLong()).isEqualTo(pdf.length);
        assertThat(result.get("pages")).hasSize(2);
        assertThat(result.get("pages").get(0).get("kind").asText()).isEqualTo("BILEVEL");
        assertThat(result.get("pages").get(1).get("kind").asText()).isEqualTo("COLOUR"); // the red seal
        assertThat(result.get("pages").get(1).get("source").asText()).isEqualTo("giay-xac-nhan.pdf");
        assertThat(result.get("pages").get(0).get("words").asInt()).isGreaterThan(100);
        // progress went to standard error, not into the JSON
        assertThat(err.toString()).contains("Đã nhận dạng 1/2 trang", "Đã nhận dạng 2/2 trang");
    }

    @Test
    void aDamagedFileStopsWithExitOneAndAVietnameseMessageBeforeAnyWork() throws Exception {
        Path good = dir.resolve("good.png");
        ImageIO.write(TestPageGenerator.generate(Layout.BLANK, Scan.of(150, 0), 1).image(), "png", good.toFile());
        Path cut = dir.resolve("cut.jpg");
        ImageIO.write(TestPageGenerator.generate(Layout.FORM, Scan.of(150, 0), 2).image(), "jpg", cut.toFile());
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        Path copy = dir.resolve("out.pdf");

        int exit = run("ocr", "--out", copy.toString(), good.toString(), cut.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Tệp cut.jpg bị hỏng hoặc không đầy đủ");
        assertThat(err.toString()).doesNotContain("Đã nhận dạng");
        assertThat(copy).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anEmptyFileAndAMissingLanguageAreNamedInTheMessage() throws Exception {
        Path empty = Files.createFile(dir.resolve("trang.jpg"));
        assertThat(run("ocr", "-o", dir.resolve("a.pdf").toString(), empty.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Tệp trang.jpg rỗng (0 byte)");

        assertThat(run("ocr", "--lang", "klingon", "-o", dir.resolve("b.pdf").toString(), empty.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("ngôn ngữ \"klingon\"", "klingon.traineddata");
    }

    /** The output is claimed before any page is read: an unwritable path fails at once, with its reason. */
    @Test
    void anUnwritableOutputIsRefusedBeforeAnyPageIsRead() throws Exception {
        Path png = dir.resolve("trang.png");
        ImageIO.write(TestPageGenerator.generate(Layout.FORM, Scan.of(300, 0.5), 3).image(), "png", png.toFile());
        String[][] cases = {
            {dir.resolve("khong-co/ban-sao.pdf").toString(), "thư mục chứa tệp không tồn tại"},
            {dir.toString(), "đó là một thư mục, không phải tệp"},
            {"/proc/ban-sao.pdf", "lỗi khi ghi đĩa"},   // no file can be made there, even by root
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            assertThat(run("ocr", png.toString(), "-o", c[0])).as(c[0]).isEqualTo(1);
            assertThat(err.toString()).as(c[0]).contains("Không ghi được tệp " + c[0] + ": " + c[1])
                    .doesNotContain("Đã nhận dạng", "Exception");
        }
    }
}
