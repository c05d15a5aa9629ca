package vn.motcua.scanner.worker.host.twain;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A native transfer's image (a packed DIB in a global memory block: BITMAPINFOHEADER or a V4/V5 header, colour
 * table or bit-field masks, pixel rows bottom-up) as a BMP file: the 14-byte BITMAPFILEHEADER in front, so
 * ImageIO on the client side reads it. The pixel data's offset is worked out from the header, which is what a
 * DIB leaves implicit; the block itself may be larger than the DIB (GlobalAlloc rounds up), so only the DIB's
 * own length is copied.
 */
public final class DibBitmap {

    private static final int FILE_HEADER_BYTES = 14;
    private static final int BI_RGB = 0;
    private static final int BI_BITFIELDS = 3;
    private static final int BITMAPINFOHEADER_BYTES = 40;

    private DibBitmap() {
    }

    /** BMP file bytes for the DIB at the start of {@code dib}. */
    public static byte[] toBmp(MemorySegment dib) {
        if (dib.byteSize() < BITMAPINFOHEADER_BYTES) {
            throw new IllegalArgumentException("DIB shorter than a BITMAPINFOHEADER: " + dib.byteSize());
        }
        int headerSize = dib.get(ValueLayout.JAVA_INT_UNALIGNED, 0);
        int width = dib.get(ValueLayout.JAVA_INT_UNALIGNED, 4);
        int height = dib.get(ValueLayout.JAVA_INT_UNALIGNED, 8);
        int bitCount = Short.toUnsignedInt(dib.get(ValueLayout.JAVA_SHORT_UNALIGNED, 14));
        int compression = dib.get(ValueLayout.JAVA_INT_UNALIGNED, 16);
        long colorsUsed = Integer.toUnsignedLong(dib.get(ValueLayout.JAVA_INT_UNALIGNED, 32));
        if (headerSize < BITMAPINFOHEADER_BYTES || width <= 0 || height == 0) {
            throw new IllegalArgumentException("not a DIB: header " + headerSize + " bytes, " + width + "x" + height);
        }
        if (compression != BI_RGB && compression != BI_BITFIELDS) {
            throw new IllegalArgumentException("compressed DIB (biCompression " + compression + ") not supported");
        }
        long colors = bitCount <= 8 ? (colorsUsed != 0 ? colorsUsed : 1L << bitCount) : colorsUsed;
        long masks = compression == BI_BITFIELDS && headerSize == BITMAPINFOHEADER_BYTES ? 12 : 0;
        long pixelsAt = headerSize + masks + colors * 4;
        long stride = ((long) width * bitCount + 31) / 32 * 4;
        long pixelBytes = stride * Math.abs((long) height);
        long dibBytes = pixelsAt + pixelBytes;
        if (dibBytes > dib.byteSize()) {
            throw new IllegalArgumentException("DIB needs " + dibBytes + " bytes, the block has " + dib.byteSize());
        }
        if (FILE_HEADER_BYTES + dibBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("DIB too large for one BMP: " + dibBytes + " bytes");
        }
        byte[] bmp = new byte[(int) (FILE_HEADER_BYTES + dibBytes)];
        ByteBuffer header = ByteBuffer.wrap(bmp, 0, FILE_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'B').put((byte) 'M').putInt(bmp.length).putInt(0).putInt((int) (FILE_HEADER_BYTES + pixelsAt));
        MemorySegment.copy(dib, ValueLayout.JAVA_BYTE, 0, bmp, FILE_HEADER_BYTES, (int) dibBytes);
        return bmp;
    }
}
