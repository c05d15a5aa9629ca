package vn.motcua.counter;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Page images made on the fly for tests: small A4-proportioned pages with a line of Vietnamese text. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] page(String text, String format) {
        BufferedImage image = new BufferedImage(827, 1169, BufferedImage.TYPE_INT_RGB); // A4 at 100 dpi
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 24));
        g.drawString(text, 80, 120);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(String text) {
        return page(text, "png");
    }

    /** A 1 × 1 PNG: a valid image that is no page. */
    public static byte[] pixel() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only the signature and header of a PNG claiming {@code width} × {@code height} 8-bit RGB pixels, with no pixel
     * data: what a decompression bomb looks like to a header check.
     */
    public static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream chunk = new DataOutputStream(ihdr);
        chunk.writeBytes("IHDR");
        chunk.writeInt(width);
        chunk.writeInt(height);
        chunk.write(new byte[]{8, 2, 0, 0, 0}); // 8-bit RGB
        out.writeInt(13);
        out.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(ihdr.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
