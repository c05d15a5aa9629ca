package vn.motcua.counter.capture.cleanup;

/**
 * Maps the paper colour to pure white and flattens near-white noise. Scanner noise on the background is most of
 * a colour JPEG's size; flat white costs almost nothing, and the ink (seal red included) keeps its colour.
 */
public final class Whitening {

    private Whitening() {
    }

    /**
     * The colour whitening: each channel scaled so the paper's level becomes white, and near-white greys (every
     * channel above 215, within 30 of each other) flattened to white. {@link Warp#rgb} applies it while resampling.
     */
    record Colour(int[] red, int[] green, int[] blue) {

        /** The darkest channel level from which a pixel turns white whatever its other channels (also at or above theirs). */
        private static final int FLAT = 226;

        /** @param paper the paper's brightness per channel, e.g. from {@link #paperColour} */
        static Colour of(int paper) {
            return new Colour(lut(Math.max(64, (paper >> 16) & 0xff)), lut(Math.max(64, (paper >> 8) & 0xff)),
                    lut(Math.max(64, paper & 0xff)));
        }

        int apply(int r, int g, int b) {
            r = red[r];
            g = green[g];
            b = blue[b];
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            return min > 215 && max - min < 30 ? 0xffffff : (r << 16) | (g << 8) | b;
        }

        /**
         * Per byte of B, G, R, the level from which the channel maps to {@value #FLAT} or more: a pixel with every
         * channel at or above its level is white (all within 29 of each other, all above 215).
         */
        int[] whiteFromBgr() {
            return new int[] {from(blue), from(green), from(red)};
        }

        private static int from(int[] lut) {
            int v = 256;
            while (v > 0 && lut[v - 1] >= FLAT) {
                v--;
            }
            return v;
        }
    }

    /**
     * The grey whitening as a lookup table: levels scaled so {@code paper} becomes white, and near-white (above
     * 215) flattened to 255. {@link Warp#grey(byte[], int, int, int, int, int[], int, PaperBlocks)} applies it while
     * resampling.
     */
    static int[] greyLut(int paper) {
        int[] lut = lut(Math.max(64, paper));
        for (int v = 0; v < 256; v++) {
            lut[v] = lut[v] > 215 ? 255 : lut[v];
        }
        return lut;
    }

    /** The darkest grey level that {@link #greyLut} makes white. */
    static int whiteFrom(int[] greyLut) {
        int v = 255;
        while (v > 0 && greyLut[v - 1] == 255) {
            v--;
        }
        return v;
    }

    private static int[] lut(int white) {
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = Math.min(255, v * 255 / white);
        }
        return lut;
    }

    /**
     * The 90th percentile of each channel on a reduced image, leaving out the pixels {@code bed} marks: the
     * paper, since most of a page is paper.
     */
    public static int paperColour(int[] rgb, boolean[] bed) {
        int[][] hist = new int[3][256];
        int n = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (!bed[i]) {
                int p = rgb[i];
                hist[0][(p >> 16) & 0xff]++;
                hist[1][(p >> 8) & 0xff]++;
                hist[2][p & 0xff]++;
                n++;
            }
        }
        int colour = 0;
        for (int c = 0; c < 3; c++) {
            int seen = 0;
            int v = 0;
            while (v < 255 && (seen += hist[c][v]) < n * 0.9) {
                v++;
            }
            colour = (colour << 8) | v;
        }
        return colour;
    }

    /** Dust on a JPEG page costs a block of coefficients per speck: whiten isolated specks and their halo. */
    public static void despeckle(int[] rgb, int width, int height, int dpi) {
        byte[] mask = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int lum = (((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150 + (p & 0xff) * 29) >> 8;
            mask[i] = (byte) (lum < 230 ? 1 : 0);
        }
        Despeckle.apply(new BinaryImage(width, height, mask), dpi, i -> halo(i, width, height, j -> rgb[j] = 0xffffff));
    }

    public static void despeckle(GreyImage img, int dpi) {
        byte[] px = img.pixels();
        byte[] mask = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            mask[i] = (byte) ((px[i] & 0xff) < 230 ? 1 : 0);
        }
        Despeckle.apply(new BinaryImage(img.width(), img.height(), mask), dpi,
                i -> halo(i, img.width(), img.height(), j -> px[j] = (byte) 255));
    }

    private static void halo(int i, int w, int h, java.util.function.IntConsumer paint) {
        int x = i % w;
        int y = i / w;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                    paint.accept(ny * w + nx);
                }
            }
        }
    }
}
