package vn.motcua.counter.capture.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** The reference: Debian's tesseract command line on the same page image, one OpenMP thread. */
public final class TesseractCli {

    private TesseractCli() {
    }

    public static String read(BufferedImage image, int dpi, Path dir) throws IOException, InterruptedException {
        Path png = Files.createTempFile(dir, "page", ".png");
        ImageIO.write(image, "png", png.toFile());
        ProcessBuilder pb = new ProcessBuilder("tesseract", png.toString(), "stdout", "-l", "vie", "--dpi",
                String.valueOf(dpi));
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tesseract failed");
        }
        return text;
    }
}
