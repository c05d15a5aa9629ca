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
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The back of a chip ID card as a 300-dpi scan (85.6 × 54 mm): printed Vietnamese text, two fingerprint boxes, and
 * the given MRZ lines at the OCR-B pitch (2.54 mm). {@link #png} draws them in DejaVu Sans Mono on a clean card;
 * {@link #flatbedJpeg} in OCR-B itself (Debian's fonts-ocr-b) over a guilloche, as a clerk's flatbed scan of the whole
 * glass gives it: card skewed on the glass, optics blur, sensor noise, JPEG. Both fonts are in .ci/packages.txt.
 */
public final class CardBacks {

    private static final Path MONO = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
    private static final Path OCR_B = Path.of("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
    /** A4 at 300 dpi: the whole glass of a flatbed, as a scan profile set to A4 gives it. */
    private static final int GLASS_WIDTH = 2480;
    private static final int GLASS_HEIGHT = 3508;
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

    /**
     * The card back lying on a flatbed at {@code skewDegrees}, {@code (x, y)} pixels from the glass's corner, scanned
     * to a grey A4 JPEG at quality 0.7: slightly blurred, with sensor noise from {@code seed}.
     */
    public static byte[] flatbedJpeg(String mrz, double skewDegrees, int x, int y, long seed) {
        BufferedImage card = card(mrz, font(OCR_B), true);
        BufferedImage glass = new BufferedImage(GLASS_WIDTH, GLASS_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = glass.createGraphics();
        g.setColor(new Color(0xFA, 0xFA, 0xFA)); // the lid's white
        g.fillRect(0, 0, GLASS_WIDTH, GLASS_HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(skewDegrees), x, y);
        g.translate(x, y);
        g.setClip(new java.awt.geom.RoundRectangle2D.Double(0, 0, WIDTH, HEIGHT, 38, 38)); // 3.18 mm corners
        g.drawImage(card, 0, 0, null);
        g.dispose();
        float[] blur = new float[9];
        java.util.Arrays.fill(blur, 1 / 9f);
        BufferedImage soft = new java.awt.image.ConvolveOp(new java.awt.image.Kernel(3, 3, blur),
                java.awt.image.ConvolveOp.EDGE_NO_OP, null).filter(glass, null);
        java.util.Random noise = new java.util.Random(seed);
        byte[] pixels = ((java.awt.image.DataBufferByte) soft.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int v = (pixels[i] & 0xFF) + (int) Math.round(noise.nextGaussian() * 6);
            pixels[i] = (byte) Math.clamp(v, 0, 255);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             var stream = ImageIO.createImageOutputStream(out)) {
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(0.7f);
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(soft, null, null), parameters);
            writer.dispose();
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage card(String mrz) {
        return card(mrz, font(MONO), false);
    }

    private static BufferedImage card(String mrz, Font mrzFont, boolean guilloche) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4, 0xF1, 0xEA));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        if (guilloche) { // the security print's fine wavy lines, under the MRZ as well
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xC9, 0xD8, 0xC4));
            for (int line = 0; line < 40; line++) {
                java.awt.geom.Path2D wave = new java.awt.geom.Path2D.Double();
                wave.moveTo(0, line * 16);
                for (int px = 0; px <= WIDTH; px += 6) {
                    wave.lineTo(px, line * 16 + 9 * Math.sin(px / 37.0 + line * 0.7));
                }
                g.draw(wave);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(bundled("/fonts/LiberationSans-Regular.ttf").deriveFont(26f));
        g.drawString("Đặc điểm nhân dạng: Nốt ruồi C:1cm trên sau đuôi mắt trái", 40, 60);
        g.drawString("Ngày, tháng, năm: 15/08/2021", 40, 110);
        g.drawString("CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH", 40, 160);
        g.drawRect(620, 190, 160, 200);
        g.drawRect(800, 190, 160, 200);
        g.setColor(Color.BLACK);
        // 2.54 mm a character: 30 px at 300 dpi, whatever the font's own advance
        float size = 50f * 30 / g.getFontMetrics(mrzFont.deriveFont(50f)).charWidth('<');
        g.setFont(mrzFont.deriveFont(size));
        String[] lines = mrz.split("\n");
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 40, 480 + i * 60);
        }
        g.dispose();
        return image;
    }

    private static Font font(Path file) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("install the package of " + file + " (.ci/packages.txt)", e);
        }
    }

    private static Font bundled(String resource) {
        try (InputStream in = CardBacks.class.getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException(resource, e);
        }
    }

}
