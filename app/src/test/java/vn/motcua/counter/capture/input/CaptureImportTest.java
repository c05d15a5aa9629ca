package vn.motcua.counter.capture.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureImportTest {

    @TempDir
    Path dir;

    private final ScanImporter importer = new ScanImporter();

    @Test
    void zeroByteFileIsRefusedWithAClearMessage() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        assertThatThrownBy(() -> importer.importFile(empty)).isInstanceOf(CaptureInputException.class)
                .hasMessageContaining("empty").extracting(e -> ((CaptureInputException) e).messageKey())
                .isEqualTo("capture.input.empty");
    }

    @Test
    void truncatedAndCorruptImagesAreRefused() throws Exception {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (String format : new String[] {"png", "jpg"}) {
            Path whole = dir.resolve("whole." + format);
            ImageIO.write(img, format, whole.toFile());
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = dir.resolve("cut." + format);
            Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> importer.importFile(cut)).isInstanceOf(CaptureInputException.class)
                    .hasMessageContaining("cut." + format);
        }
        Path garbage = dir.resolve("garbage.png");
        Files.write(garbage, "not an image at all".getBytes());
        assertThatThrownBy(() -> importer.importFile(garbage)).isInstanceOf(CaptureInputException.class);
    }

    @Test
    void decompressionBombIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngHeaderOnly(60000, 60000));
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThatThrownBy(() -> importer.importFile(bomb)).isInstanceOf(CaptureInputException.class)
                .hasMessageContaining("60000 × 60000")
                .extracting(e -> ((CaptureInputException) e).messageKey()).isEqualTo("capture.input.tooLarge");
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).isLessThan(500L * 1024 * 1024); // 60000² RGB would be 10 GB
    }

    @Test
    void sixteenBitTiffBecomesAnEightBitPageWithItsResolution() throws Exception {
        BufferedImage deep = new BufferedImage(300, 200, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(10, 10, 0, 65535);
        Path tiff = dir.resolve("deep.tif");
        assertThat(ImageIO.write(deep, "tiff", tiff.toFile())).isTrue();
        var pages = (Imported.Pages) importer.importFile(tiff);
        BufferedImage page = pages.pages().getFirst().image();
        assertThat(page.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(page.getRGB(10, 10) & 0xffffff).isEqualTo(0xffffff);
        assertThat(page.getRGB(11, 10) & 0xffffff).isZero();
    }

    @Test
    void cmykTiffBecomesRgbWithItsColoursAndResolution() throws Exception {
        // ImageIO cannot write CMYK, so the TIFF is laid out by hand: cyan, black and paper-white bands (a slip of
        // 1.5 × 0.6 inches at 200 dpi: smaller would not count as a page)
        int w = 300;
        int h = 120;
        byte[] cmyk = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 4;
                if (x < 100) {
                    cmyk[i] = (byte) 255;     // cyan ink
                } else if (x < 200) {
                    cmyk[i + 3] = (byte) 255; // black ink
                }
            }
        }
        Path tiff = Files.write(dir.resolve("cmyk.tif"), cmykTiff(w, h, 200, cmyk));

        var page = ((Imported.Pages) importer.importFile(tiff)).pages().getFirst();

        assertThat(page.dpi()).isEqualTo(200);
        assertThat(page.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(page.image().getRGB(10, 10) & 0xffffff).isEqualTo(0x00ffff);
        assertThat(page.image().getRGB(150, 10) & 0xffffff).isZero();
        assertThat(page.image().getRGB(250, 10) & 0xffffff).isEqualTo(0xffffff);
    }

    /** An uncompressed little-endian TIFF, PhotometricInterpretation 5 (separated, CMYK), 8 bits per ink. */
    @Test
    void anImageTooSmallToBeAPageIsRefused() throws Exception {
        Path pixel = dir.resolve("pixel.png");
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", pixel.toFile());
        Path strip = dir.resolve("strip.png");
        ImageIO.write(new BufferedImage(2000, 99, BufferedImage.TYPE_BYTE_GRAY), "png", strip.toFile());
        for (Path small : List.of(pixel, strip)) {
            assertThatThrownBy(() -> importer.importFile(small)).isInstanceOf(CaptureInputException.class)
                    .satisfies(e -> assertThat(((CaptureInputException) e).messageKey())
                            .isEqualTo("capture.input.tooSmall"));
        }
    }

    static byte[] cmykTiff(int width, int height, int dpi, byte[] cmyk) {
        int entries = 11;
        int ifd = 8;
        int extra = ifd + 2 + entries * 12 + 4; // bits per sample, then the two resolutions, then the pixels
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(extra + 8 + 16 + cmyk.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
        b.putShort((short) entries);
        tag(b, 256, 3, 1, width);
        tag(b, 257, 3, 1, height);
        tag(b, 258, 3, 4, extra);
        tag(b, 259, 3, 1, 1);
        tag(b, 262, 3, 1, 5);
        tag(b, 273, 4, 1, extra + 8 + 16);
        tag(b, 277, 3, 1, 4);
        tag(b, 278, 3, 1, height);
        tag(b, 279, 4, 1, cmyk.length);
        tag(b, 282, 5, 1, extra + 8);
        tag(b, 283, 5, 1, extra + 16);
        b.putInt(0);
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8).putShort((short) 8);
        b.putInt(dpi).putInt(1).putInt(dpi).putInt(1); // resolution unit defaults to inches
        b.put(cmyk);
        return b.array();
    }

    private static void tag(java.nio.ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    @Test
    void encryptedPdfIsKeptByteForByteWithANote() throws Exception {
        Path pdf = dir.resolve("locked.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            var policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(pdf.toFile());
        }
        Imported result = importer.importFile(pdf);
        assertThat(result).isInstanceOf(Imported.PassThrough.class);
        assertThat(((Imported.PassThrough) result).pdf()).isEqualTo(Files.readAllBytes(pdf));
        assertThat(((Imported.PassThrough) result).note()).contains("not re-rendered");
    }

    @Test
    void plainPdfIsRenderedAt300Dpi() throws Exception {
        Path pdf = dir.resolve("plain.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4));
            doc.save(pdf.toFile());
        }
        var pages = (Imported.Pages) importer.importFile(pdf);
        assertThat(pages.pages()).singleElement().satisfies(p -> {
            assertThat(p.dpi()).isEqualTo(300);
            assertThat(p.image().getWidth()).isBetween(2478, 2482);
        });
    }

    /** A PNG whose IHDR claims width × height, followed by a tiny IDAT: a few hundred bytes. */
    static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (var deflate = new java.util.zip.DeflaterOutputStream(z)) {
            deflate.write(new byte[4096]);
        }
        chunk(out, "IDAT", z.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws Exception {
        out.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
