package vn.motcua.scanner;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/** Small previews for the page strip, made as pages arrive. */
public final class PageThumbnails {

    private PageThumbnails() {
    }

    /**
     * Averages each block of source pixels into one thumbnail pixel, in one pass over the page. Java2D's bilinear
     * scaling skips most pixels at this ratio (text turns to noise), and halving in steps cost 80-130 ms per A4
     * 300 dpi page, several times that on a busy machine; one pass costs a few tens of milliseconds.
     * Grey and line-art pages give grey thumbnails, colour pages RGB ones.
     */
    public static BufferedImage of(BufferedImage page, int maxWidth) {
        BufferedImage source = switch (page.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB -> page;
            case BufferedImage.TYPE_BYTE_BINARY -> convert(page, BufferedImage.TYPE_BYTE_GRAY);
            default -> convert(page, BufferedImage.TYPE_INT_RGB);
        };
        int width = Math.min(maxWidth, source.getWidth());
        int height = Math.max(1, Math.round(source.getHeight() * (float) width / source.getWidth()));
        return areaAverage(source, width, height);
    }

    private static BufferedImage areaAverage(BufferedImage source, int width, int height) {
        WritableRaster in = source.getRaster();
        int bands = in.getNumBands();
        int sourceWidth = source.getWidth();
        int sourceHeight = source.getHeight();
        int[] columnOf = new int[sourceWidth];
        int[] columnCount = new int[width];
        for (int x = 0; x < sourceWidth; x++) {
            columnOf[x] = (int) ((long) x * width / sourceWidth);
            columnCount[columnOf[x]]++;
        }
        BufferedImage thumbnail = new BufferedImage(width, height, source.getType());
        WritableRaster out = thumbnail.getRaster();
        long[] sums = new long[width * bands];
        int[] pixels = new int[width * bands];
        RowAdder adder = RowAdder.of(source, columnOf);
        for (int ty = 0; ty < height; ty++) {
            int y0 = (int) ((long) ty * sourceHeight / height);
            int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * sourceHeight / height));
            java.util.Arrays.fill(sums, 0);
            for (int y = y0; y < y1; y++) {
                adder.add(y, sums);
            }
            int rows = y1 - y0;
            for (int tx = 0; tx < width; tx++) {
                long count = (long) columnCount[tx] * rows;
                for (int b = 0; b < bands; b++) {
                    pixels[tx * bands + b] = (int) (sums[tx * bands + b] / count);
                }
            }
            out.setPixels(0, ty, width, 1, pixels);
        }
        return thumbnail;
    }

    /**
     * Adds one source row into the thumbnail row's sums (band-interleaved). Straight from the data arrays for the
     * two layouts pages come in, several times faster than {@code Raster.getPixels}.
     */
    @FunctionalInterface
    private interface RowAdder {
        void add(int y, long[] sums);

        static RowAdder of(BufferedImage image, int[] columnOf) {
            WritableRaster raster = image.getRaster();
            int width = image.getWidth();
            if (raster.getSampleModel() instanceof java.awt.image.ComponentSampleModel grey
                    && raster.getDataBuffer() instanceof java.awt.image.DataBufferByte bytes
                    && raster.getNumBands() == 1 && grey.getPixelStride() == 1) {
                byte[] data = bytes.getData();
                int stride = grey.getScanlineStride();
                int offset = bytes.getOffset() + grey.getOffset(-raster.getSampleModelTranslateX(),
                        -raster.getSampleModelTranslateY());
                return (y, sums) -> {
                    int start = offset + y * stride;
                    for (int x = 0; x < width; x++) {
                        sums[columnOf[x]] += data[start + x] & 0xff;
                    }
                };
            }
            if (image.getType() == BufferedImage.TYPE_INT_RGB
                    && raster.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel packed
                    && raster.getDataBuffer() instanceof java.awt.image.DataBufferInt ints) {
                int[] data = ints.getData();
                int stride = packed.getScanlineStride();
                int offset = ints.getOffset() + packed.getOffset(-raster.getSampleModelTranslateX(),
                        -raster.getSampleModelTranslateY());
                return (y, sums) -> {
                    int start = offset + y * stride;
                    for (int x = 0; x < width; x++) {
                        int rgb = data[start + x];
                        int target = 3 * columnOf[x];
                        sums[target] += (rgb >> 16) & 0xff;
                        sums[target + 1] += (rgb >> 8) & 0xff;
                        sums[target + 2] += rgb & 0xff;
                    }
                };
            }
            int bands = raster.getNumBands();
            int[] row = new int[width * bands];
            return (y, sums) -> {
                raster.getPixels(0, y, width, 1, row);
                for (int x = 0; x < width; x++) {
                    for (int b = 0; b < bands; b++) {
                        sums[columnOf[x] * bands + b] += row[x * bands + b];
                    }
                }
            };
        }
    }

    private static BufferedImage convert(BufferedImage page, int type) {
        BufferedImage converted = new BufferedImage(page.getWidth(), page.getHeight(), type);
        Graphics2D g = converted.createGraphics();
        try {
            g.drawImage(page, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }
}
