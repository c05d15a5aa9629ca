package vn.motcua.counter.capture.cleanup;

/** Coordinates of dark pixels on a reduced page, the input of skew and orientation measurement. */
record InkPoints(int[] xs, int[] ys, int count, int width, int height) {

    /** Ink is darker than 60% of the paper's brightness; pixels of the scanner bed ({@code bed}) are skipped. */
    static InkPoints of(GreyImage img, boolean[] bed) {
        int paper = paperLevel(img, bed);
        int threshold = paper * 60 / 100;
        int n = 0;
        byte[] px = img.pixels();
        for (int i = 0; i < px.length; i++) {
            if ((px[i] & 0xff) < threshold && (bed == null || !bed[i])) {
                n++;
            }
        }
        int[] xs = new int[n];
        int[] ys = new int[n];
        int k = 0;
        for (int i = 0; i < px.length; i++) {
            if ((px[i] & 0xff) < threshold && (bed == null || !bed[i])) {
                xs[k] = i % img.width();
                ys[k++] = i / img.width();
            }
        }
        return new InkPoints(xs, ys, n, img.width(), img.height());
    }

    /** The 90th percentile of brightness outside the bed: the paper colour. */
    static int paperLevel(GreyImage img, boolean[] bed) {
        int[] hist = new int[256];
        int total = 0;
        byte[] px = img.pixels();
        for (int i = 0; i < px.length; i++) {
            if (bed == null || !bed[i]) {
                hist[px[i] & 0xff]++;
                total++;
            }
        }
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen >= total * 0.9) {
                return Math.max(v, 64);
            }
        }
        return 255;
    }

    InkPoints transposed() {
        return new InkPoints(ys, xs, count, height, width);
    }

    /** Ink counts per row after rotating the points by {@code -degrees}: text lines give sharp peaks. */
    int[] profile(double degrees) {
        double a = Math.toRadians(degrees);
        // 16.16 fixed point: this loop runs ~150 times a page over every ink point, and Math.round is costly
        long cos = Math.round(Math.cos(a) * 65536);
        long sin = Math.round(Math.sin(a) * 65536);
        int offset = width + 1;
        int[] bins = new int[2 * width + height + 3];
        for (int i = 0; i < count; i++) {
            bins[(int) ((ys[i] * cos - xs[i] * sin + 32768) >> 16) + offset]++;
        }
        return bins;
    }

    /** Sum of squared row counts: highest when the rows follow the text lines. */
    double score(double degrees) {
        long s = 0;
        for (int b : profile(degrees)) {
            s += (long) b * b;
        }
        return s;
    }
}
