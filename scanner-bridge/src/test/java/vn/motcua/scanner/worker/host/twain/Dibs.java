package vn.motcua.scanner.worker.host.twain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntBinaryOperator;

/**
 * Packed DIBs as a TWAIN source hands them over in a native transfer: BITMAPINFOHEADER (40 bytes), colour table,
 * rows bottom-up, each padded to 4 bytes. {@code pixel(x, y)} gives the value for row y counted from the top.
 */
final class Dibs {

    private Dibs() {
    }

    /** 8-bit with a 256-entry grey palette (TWPT_GRAY). */
    static byte[] gray8(int width, int height, IntBinaryOperator pixel) {
        int[] palette = new int[256];
        for (int i = 0; i < 256; i++) {
            palette[i] = i * 0x010101;
        }
        return dib(width, height, 8, palette, pixel);
    }

    /** 24-bit BGR (TWPT_RGB); {@code pixel} returns 0xRRGGBB. */
    static byte[] rgb24(int width, int height, IntBinaryOperator pixel) {
        return dib(width, height, 24, new int[0], pixel);
    }

    /** 1-bit (TWPT_BW) with a two-entry palette, e.g. {0x000000, 0xFFFFFF}; {@code pixel} returns 0 or 1. */
    static byte[] bw1(int width, int height, int[] palette, IntBinaryOperator pixel) {
        return dib(width, height, 1, palette, pixel);
    }

    private static byte[] dib(int width, int height, int bits, int[] palette, IntBinaryOperator pixel) {
        int stride = (width * bits + 31) / 32 * 4;
        int pixelsAt = 40 + palette.length * 4;
        ByteBuffer dib = ByteBuffer.allocate(pixelsAt + stride * height).order(ByteOrder.LITTLE_ENDIAN);
        dib.putInt(0, 40).putInt(4, width).putInt(8, height).putShort(12, (short) 1).putShort(14, (short) bits)
                .putInt(16, 0).putInt(20, stride * height).putInt(24, 7874).putInt(28, 7874)
                .putInt(32, palette.length).putInt(36, 0);
        for (int i = 0; i < palette.length; i++) {
            dib.putInt(40 + 4 * i, palette[i]);
        }
        for (int y = 0; y < height; y++) {
            int row = pixelsAt + (height - 1 - y) * stride;
            for (int x = 0; x < width; x++) {
                int value = pixel.applyAsInt(x, y);
                switch (bits) {
                    case 1 -> {
                        if (value != 0) {
                            int at = row + x / 8;
                            dib.put(at, (byte) (dib.get(at) | (0x80 >> (x % 8))));
                        }
                    }
                    case 8 -> dib.put(row + x, (byte) value);
                    default -> dib.put(row + 3 * x, (byte) value).put(row + 3 * x + 1, (byte) (value >> 8))
                            .put(row + 3 * x + 2, (byte) (value >> 16));
                }
            }
        }
        return dib.array();
    }
}
