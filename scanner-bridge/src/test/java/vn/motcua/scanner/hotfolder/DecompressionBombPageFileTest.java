package vn.motcua.scanner.hotfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.scanner.ColorMode;

/** A file dropped into the scan folder that declares 100000 × 100000 pixels is refused before it is decoded. */
class DecompressionBombPageFileTest {

    @TempDir
    Path dir;

    @Test
    void aPngHeaderClaiming100000By100000IsNotDecoded() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeader(100_000, 100_000));
        try (PageFile file = ScanFileFormat.of(bomb).open(bomb, ColorMode.COLOR, 300)) {
            assertThatThrownBy(() -> file.readPage(0)).isInstanceOf(IOException.class)
                    .hasMessageContaining("100000 × 100000");
        }
    }

    @Test
    void aPdfDrawingAnImageThatClaimsToBeHugeIsNotRendered() throws IOException {
        Path pdf = dir.resolve("bomb.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = LosslessFactory.createFromImage(doc, new BufferedImage(100, 100,
                    BufferedImage.TYPE_INT_RGB));
            image.getCOSObject().setInt(COSName.WIDTH, 100_000);
            image.getCOSObject().setInt(COSName.HEIGHT, 100_000);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 50, 50, 100, 100);
            }
            doc.save(pdf.toFile());
        }
        try (PageFile file = ScanFileFormat.of(pdf).open(pdf, ColorMode.COLOR, 300)) {
            assertThat(file.pageCount()).isEqualTo(1);
            assertThatThrownBy(() -> file.readPage(0)).isInstanceOf(IOException.class)
                    .hasMessageContaining("100000 × 100000");
        }
    }

    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream chunk = new DataOutputStream(ihdr);
        chunk.writeBytes("IHDR");
        chunk.writeInt(width);
        chunk.writeInt(height);
        chunk.write(new byte[]{8, 2, 0, 0, 0});
        out.writeInt(13);
        out.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(ihdr.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
