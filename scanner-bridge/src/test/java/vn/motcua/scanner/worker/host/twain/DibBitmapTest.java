package vn.motcua.scanner.worker.host.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Native transfer DIBs become BMP files that ImageIO reads back pixel for pixel. */
@Timeout(10)
class DibBitmapTest {

    private static final IntBinaryOperator GREY_RAMP = (x, y) -> (x * 7 + y * 13) & 0xff;
    private static final IntBinaryOperator COLOURS = (x, y) -> (x * 20 & 0xff) << 16 | (y * 30 & 0xff) << 8
            | ((x + y) * 11 & 0xff);
    private static final IntBinaryOperator CHECKS = (x, y) -> (x / 3 + y / 2) % 2;

    @Test
    void greyWithPaletteAndPaddedRows() throws IOException {
        BufferedImage image = convert(Dibs.gray8(13, 7, GREY_RAMP));

        // Grey samples as scanned: the page is TYPE_BYTE_GRAY, which the client keeps as it is.
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(image.getWidth()).isEqualTo(13);
        assertThat(image.getHeight()).isEqualTo(7);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 13; x++) {
                int grey = GREY_RAMP.applyAsInt(x, y);
                assertThat(image.getRaster().getSample(x, y, 0)).as("(%d,%d)", x, y).isEqualTo(grey);
            }
        }
    }

    @Test
    void twentyFourBitColourTopRowFirst() throws IOException {
        BufferedImage image = convert(Dibs.rgb24(11, 5, COLOURS));

        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 11; x++) {
                assertThat(image.getRGB(x, y) & 0xffffff).as("(%d,%d)", x, y).isEqualTo(COLOURS.applyAsInt(x, y));
            }
        }
    }

    @Test
    void oneBitFollowsTheSourcesPalette() throws IOException {
        BufferedImage blackIsZero = convert(Dibs.bw1(21, 6, new int[] {0x000000, 0xffffff}, CHECKS));
        BufferedImage whiteIsZero = convert(Dibs.bw1(21, 6, new int[] {0xffffff, 0x000000}, CHECKS));

        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 21; x++) {
                boolean set = CHECKS.applyAsInt(x, y) == 1;
                assertThat(blackIsZero.getRGB(x, y) & 0xffffff).as("(%d,%d)", x, y)
                        .isEqualTo(set ? 0xffffff : 0x000000);
                assertThat(whiteIsZero.getRGB(x, y) & 0xffffff).as("(%d,%d)", x, y)
                        .isEqualTo(set ? 0x000000 : 0xffffff);
            }
        }
    }

    @Test
    void aBlockLargerThanTheDibIsCutToTheDib() throws IOException {
        byte[] dib = Dibs.gray8(8, 4, GREY_RAMP);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(dib.length + 100);
            block.fill((byte) 0x55);
            MemorySegment.copy(dib, 0, block, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, dib.length);

            byte[] bmp = DibBitmap.toBmp(block);

            assertThat(bmp).hasSize(14 + dib.length);
            assertThat(ImageIO.read(new ByteArrayInputStream(bmp)).getRaster().getSample(7, 3, 0))
                    .isEqualTo(GREY_RAMP.applyAsInt(7, 3));
        }
    }

    @Test
    void aTruncatedDibIsRefused() {
        byte[] dib = Dibs.rgb24(10, 10, COLOURS);
        assertThatThrownBy(() -> DibBitmap.toBmp(MemorySegment.ofArray(java.util.Arrays.copyOf(dib, dib.length - 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DIB needs");
    }

    private static BufferedImage convert(byte[] dib) throws IOException {
        byte[] bmp = DibBitmap.toBmp(MemorySegment.ofArray(dib));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bmp));
        assertThat(image).as("ImageIO reads the BMP").isNotNull();
        return image;
    }
}
