package vn.motcua.counter;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The back of a chip ID card as a 300-dpi scan (85.6 × 54 mm): printed Vietnamese text, two fingerprint boxes, and
 * the given MRZ lines in a monospace font at the OCR-B pitch (2.54 mm). OCR-B is not bundled; DejaVu Sans Mono
 * comes with Debian's fonts-dejavu-core, which the tests need anyway (.ci/packages.txt).
 */
public final class CardBacks {

    private static final Path MONO = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
    private static final int WIDTH = 1011;
    private static final int HEIGHT = 638;

    private CardBacks() {
    }

    public static byte[] png(String mrz) {
        return png(mrz, 0);
    }

    /** The card back turned by {@code quarterTurns} × 90° clockwise, as a card put on the glass the wrong way. */
    public static byte[] png(String mrz, int quarterTurns) {
        BufferedImage card = card(mrz);
        boolean sideways = quarterTurns % 2 == 1;
        BufferedImage image = new BufferedImage(sideways ? HEIGHT : WIDTH, sideways ? WIDTH : HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.translate(image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.rotate(Math.PI / 2 * quarterTurns);
        g.drawImage(card, -WIDTH / 2, -HEIGHT / 2, null);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage card(String mrz) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4, 0xF1, 0xEA));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.DARK_GRAY);
        g.setFont(bundled("/fonts/LiberationSans-Regular.ttf").deriveFont(26f));
        g.drawString("Đặc điểm nhân dạng: Nốt ruồi C:1cm trên sau đuôi mắt trái", 40, 60);
        g.drawString("Ngày, tháng, năm: 15/08/2021", 40, 110);
        g.drawString("CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH", 40, 160);
        g.drawRect(620, 190, 160, 200);
        g.drawRect(800, 190, 160, 200);
        g.setColor(Color.BLACK);
        g.setFont(mono().deriveFont(50f));
        String[] lines = mrz.split("\n");
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 40, 480 + i * 60);
        }
        g.dispose();
        return image;
    }

    private static Font mono() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, MONO.toFile());
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("install fonts-dejavu-core for " + MONO, e);
        }
    }

    private static Font bundled(String resource) {
        try (InputStream in = CardBacks.class.getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    static {
        if (!Files.isRegularFile(MONO)) {
            throw new IllegalStateException("install fonts-dejavu-core for " + MONO);
        }
    }
}
