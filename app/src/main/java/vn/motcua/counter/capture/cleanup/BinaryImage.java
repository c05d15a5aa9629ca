package vn.motcua.counter.capture.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** One byte per pixel, non-zero = ink, 0 = paper; packed to a 1-bit image only at the end. */
public record BinaryImage(int width, int height, byte[] ink) {

    public long inkCount() {
        long n = 0;
        for (byte b : ink) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }

    /** A 1-bit image (white = 1 as in Java's default binary palette), the input of CCITT G4 encoding. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] packed = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int out = y * stride;
            for (int bx = 0; bx < stride; bx++) {
                int bits = 0;
                for (int b = 0; b < 8; b++) {
                    int x = bx * 8 + b;
                    int white = x < width && ink[row + x] == 0 ? 1 : 0;
                    bits = (bits << 1) | white;
                }
                packed[out + bx] = (byte) bits;
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
