package vn.motcua.counter.capture.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** One byte per pixel, non-zero = ink, 0 = paper; packed to a 1-bit image only at the end. */
public record BinaryImage(int width, int height, byte[] ink) {

    /** Eight pixels at a time: the first pixel in the lowest byte. */
    private static final VarHandle EIGHT = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    /** Gathers bit 0 of byte k into bit 7 − k of the top byte: the first pixel becomes the most significant bit. */
    private static final long GATHER = 0x8040201008040201L;

    public long inkCount() {
        return inkCount(0, ink.length);
    }

    /** Ink pixels among {@code [from, to)}, row-major indices. */
    long inkCount(int from, int to) {
        long n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            n += Long.bitCount(inkBits((long) EIGHT.get(ink, i)));
        }
        for (; i < to; i++) {
            n += ink[i] != 0 ? 1 : 0;
        }
        return n;
    }

    /** Bit 0 of each byte set where that byte is not zero. */
    private static long inkBits(long eight) {
        long t = eight | (eight >>> 4);
        t |= t >>> 2;
        t |= t >>> 1;
        return t & LOW_BITS;
    }

    /** A 1-bit image (white = 1 as in Java's default binary palette), the input of CCITT G4 encoding. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] packed = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        int whole = width / 8;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int out = y * stride;
            for (int bx = 0; bx < whole; bx++) {
                long inkBits = inkBits((long) EIGHT.get(ink, row + bx * 8));
                packed[out + bx] = (byte) ~((inkBits * GATHER) >>> 56);
            }
            if (whole < stride) {
                int bits = 0;
                for (int b = 0; b < 8; b++) {
                    int x = whole * 8 + b;
                    bits = (bits << 1) | (x < width && ink[row + x] != 0 ? 0 : 1);
                }
                packed[out + whole] = (byte) bits;
            }
        }
        return img;
    }

    /** Black and white as 8-bit grey, the form Tesseract takes. */
    public GreyImage toGrey() {
        byte[] px = new byte[ink.length];
        for (int i = 0; i < ink.length; i++) {
            px[i] = ink[i] != 0 ? 0 : (byte) 255;
        }
        return new GreyImage(width, height, px);
    }
}
