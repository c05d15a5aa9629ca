package vn.motcua.scanner.hotfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.RecordingListener;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanJob;
import vn.motcua.scanner.ScanJobState;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerDevice;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HotFolderDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofMillis(400);
    private static final ScanSettings SETTINGS = new ScanSettings(PaperSource.FEEDER, 100, ColorMode.GRAY,
            PaperSize.A4);

    @TempDir
    Path folder;
    private ScannerBridge bridge;

    private ScannerDevice device(Duration firstFileWait) throws Exception {
        HotFolderOptions options = new HotFolderOptions(Duration.ofMillis(50), SETTLE, Duration.ofMillis(800),
                firstFileWait);
        bridge = new ScannerBridge(List.of(new HotFolderDriver(List.of(folder), options)));
        return bridge.device("folder:" + folder.toAbsolutePath());
    }

    private ScanJob scan(Duration firstFileWait, ScanSettings settings, RecordingListener listener) throws Exception {
        ScannerDevice device = device(firstFileWait);
        return bridge.scan(device, settings, listener);
    }

    @AfterEach
    void close() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void pngAndJpegArriveAsPagesInTheOrderTheyWereWritten() throws Exception {
        write(folder.resolve("b-second.jpg"), encode(page(120, 170), "jpeg"), Instant.now());
        write(folder.resolve("z-first.png"), encode(page(100, 140), "png"), Instant.now().minusSeconds(10));
        RecordingListener listener = new RecordingListener();

        ScanResult result = scan(Duration.ofSeconds(3), SETTINGS, listener).await(WAIT);

        assertThat(result.state()).isEqualTo(ScanJobState.COMPLETED);
        assertThat(listener.pages).extracting(ScannedPage::widthPixels).containsExactly(100, 120);
        assertThat(listener.pageNumbers()).containsExactly(1, 2);
        assertThat(filesIn(folder)).isEmpty();
        assertThat(filesIn(folder.resolve(".motcua-taken"))).hasSize(2);
    }

    @Test
    void everyPageOfAMultiPageTiffIsHandedOver() throws Exception {
        writeTiff(folder.resolve("batch.tif"), page(100, 141), page(110, 141), page(120, 141));
        RecordingListener listener = new RecordingListener();

        ScanResult result = scan(Duration.ofSeconds(3), SETTINGS, listener).await(WAIT);

        assertThat(result.pages()).isEqualTo(3);
        assertThat(listener.pages).extracting(ScannedPage::widthPixels).containsExactly(100, 110, 120);
        assertThat(listener.pages.getFirst().image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    }

    @Test
    void pdfPagesAreRenderedAtTheJobResolution() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.addPage(new PDPage(PDRectangle.A4));
            document.save(folder.resolve("scan.pdf").toFile());
        }
        RecordingListener listener = new RecordingListener();

        ScanResult result = scan(Duration.ofSeconds(3), SETTINGS, listener).await(WAIT);

        assertThat(result.pages()).isEqualTo(2);
        assertThat(listener.pages.getFirst().widthPixels()).isBetween(826, 827);
        assertThat(listener.pages.getFirst().dpi()).isEqualTo(100);
    }

    @Test
    void aFileStillBeingWrittenIsTakenOnlyOnceComplete() throws Exception {
        byte[] png = encode(page(400, 566), "png");
        RecordingListener listener = new RecordingListener();
        ScanJob job = scan(Duration.ofSeconds(5), SETTINGS, listener);

        // An MFP writing over SMB: chunks with pauses shorter than the settle time, for well over the settle time.
        long lastWrite;
        try (OutputStream out = Files.newOutputStream(folder.resolve("slow.png"))) {
            int chunk = png.length / 10 + 1;
            for (int offset = 0; offset < png.length; offset += chunk) {
                out.write(png, offset, Math.min(chunk, png.length - offset));
                out.flush();
                Thread.sleep(150);
            }
            lastWrite = System.nanoTime();
        }
        ScanResult result = job.await(WAIT);

        assertThat(result.state()).isEqualTo(ScanJobState.COMPLETED);
        assertThat(listener.pages).singleElement().satisfies(page -> assertThat(page.heightPixels()).isEqualTo(566));
        assertThat(listener.arrivalNanos.getFirst()).isGreaterThan(lastWrite);
        assertThat(folder.resolve(".motcua-rejected")).doesNotExist();
    }

    @Test
    void anUnreadableFileIsSetAsideAndTheBatchGoesOn() throws Exception {
        write(folder.resolve("broken.png"), "not an image at all".getBytes(), Instant.now().minusSeconds(5));
        write(folder.resolve("good.png"), encode(page(100, 140), "png"), Instant.now());
        RecordingListener listener = new RecordingListener();

        ScanResult result = scan(Duration.ofSeconds(3), SETTINGS, listener).await(WAIT);

        assertThat(result.pages()).isEqualTo(1);
        assertThat(filesIn(folder.resolve(".motcua-rejected"))).hasSize(1);
    }

    @Test
    void noFileReportsNoPaper() throws Exception {
        ScanResult result = scan(Duration.ofMillis(500), SETTINGS, new RecordingListener())
                .await(WAIT);

        assertThat(result.error()).isEqualTo(ScanError.NO_PAPER);
    }

    @Test
    void cancelWhileWaitingForTheMfp() throws Exception {
        ScanJob job = scan(Duration.ofSeconds(10), SETTINGS, new RecordingListener());
        Thread.sleep(300);

        job.cancel();

        assertThat(job.await(Duration.ofSeconds(3)).state()).isEqualTo(ScanJobState.CANCELLED);
    }

    @Test
    void aVanishedShareIsOffline() throws Exception {
        ScannerDevice device = device(Duration.ofSeconds(3));
        Files.delete(folder);

        ScanResult result = bridge.scan(device, SETTINGS, new RecordingListener()).await(WAIT);

        assertThat(result.error()).isEqualTo(ScanError.OFFLINE);
    }

    static BufferedImage page(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawString("Trang", 10, 30);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static void write(Path file, byte[] bytes, Instant modified) throws IOException {
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static void writeTiff(Path file, BufferedImage... pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
