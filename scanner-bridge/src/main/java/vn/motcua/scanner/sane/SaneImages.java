package vn.motcua.scanner.sane;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.List;

/**
 * SANE frames as the bridge's standard image types. 8-bit grey, the usual scan, is wrapped without copying (the
 * frame's array becomes the image's buffer); colour is packed into TYPE_INT_RGB in one pass; 1-bit grey becomes
 * TYPE_BYTE_BINARY (SANE's 1 is black, Java's is white); 16-bit samples keep their high byte.
 */
final class SaneImages {

    private SaneImages() {
    }

    /** @param frames one GRAY or RGB frame, or the RED, GREEN and BLUE frames of a three-pass scan */
    static BufferedImage toImage(List<SaneDataStream.Frame> frames, boolean bigEndian) throws IOException {
        SaneDataStream.Frame first = frames.getFirst();
        SaneParameters p = first.parameters();
        int width = p.pixelsPerLine();
        int height = frames.stream().mapToInt(SaneDataStream.Frame::lines).min().orElse(0);
        if (width <= 0 || height <= 0) {
            throw new IOException("empty page from saned: " + p + ", " + first.length() + " bytes");
        }
        if (frames.size() == 3) {
            return threePass(frames, width, height, bigEndian);
        }
        return switch (p.format()) {
            case SaneParameters.GRAY -> switch (p.depth()) {
                case 8 -> grayWithoutCopy(first, width, height);
                case 1 -> lineArt(first, width, height);
                case 16 -> gray16(first, width, height, bigEndian);
                default -> throw unsupported(p);
            };
            case SaneParameters.RGB -> {
                if (p.depth() != 8 && p.depth() != 16) {
                    throw unsupported(p);
                }
                yield rgb(first, width, height, p.depth() / 8, bigEndian);
            }
            default -> throw unsupported(p);
        };
    }

    private static BufferedImage grayWithoutCopy(SaneDataStream.Frame frame, int width, int height) {
        DataBufferByte buffer = new DataBufferByte(frame.data(), frame.data().length);
        WritableRaster raster = Raster.createInterleavedRaster(buffer, width, height,
                frame.parameters().bytesPerLine(), 1, new int[] {0}, null);
        ComponentColorModel gray = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false,
                false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(gray, raster, false, null);
    }

    private static BufferedImage lineArt(SaneDataStream.Frame frame, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int targetStride = (width + 7) / 8;
        int sourceStride = frame.parameters().bytesPerLine();
        byte[] source = frame.data();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < targetStride; x++) {
                target[y * targetStride + x] = (byte) ~source[y * sourceStride + x];
            }
        }
        return image;
    }

    private static BufferedImage gray16(SaneDataStream.Frame frame, int width, int height, boolean bigEndian) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int high = bigEndian ? 0 : 1;
        for (int y = 0; y < height; y++) {
            int row = y * frame.parameters().bytesPerLine() + high;
            for (int x = 0; x < width; x++) {
                target[y * width + x] = frame.data()[row + 2 * x];
            }
        }
        return image;
    }

    private static BufferedImage rgb(SaneDataStream.Frame frame, int width, int height, int bytesPerSample,
                                     boolean bigEndian) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] source = frame.data();
        int high = bytesPerSample == 2 && !bigEndian ? 1 : 0;
        int pixelStride = 3 * bytesPerSample;
        for (int y = 0; y < height; y++) {
            int at = y * frame.parameters().bytesPerLine() + high;
            for (int x = 0; x < width; x++, at += pixelStride) {
                target[y * width + x] = (source[at] & 0xFF) << 16 | (source[at + bytesPerSample] & 0xFF) << 8
                        | source[at + 2 * bytesPerSample] & 0xFF;
            }
        }
        return image;
    }

    private static BufferedImage threePass(List<SaneDataStream.Frame> frames, int width, int height,
                                           boolean bigEndian) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (SaneDataStream.Frame frame : frames) {
            SaneParameters p = frame.parameters();
            int channel = p.format() - SaneParameters.RED;
            if (channel < 0 || channel > 2 || (p.depth() != 8 && p.depth() != 16)) {
                throw unsupported(p);
            }
            int bytesPerSample = p.depth() / 8;
            int high = bytesPerSample == 2 && !bigEndian ? 1 : 0;
            int shift = 16 - 8 * channel;
            for (int y = 0; y < height; y++) {
                int at = y * p.bytesPerLine() + high;
                for (int x = 0; x < width; x++, at += bytesPerSample) {
                    target[y * width + x] |= (frame.data()[at] & 0xFF) << shift;
                }
            }
        }
        return image;
    }

    private static IOException unsupported(SaneParameters p) {
        return new IOException("unsupported SANE frame: format " + p.format() + ", depth " + p.depth());
    }
}
