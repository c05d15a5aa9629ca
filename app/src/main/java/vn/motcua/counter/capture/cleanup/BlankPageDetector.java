package vn.motcua.counter.capture.cleanup;

/**
 * Flags a page as probably blank when, after despeckling, less than 0.05% of its inner area (5% margins cut
 * away, where punch holes and edge shadows sit) is ink. One short line of 12-point text is about 0.15%.
 * The clerk confirms; a flagged page is never dropped by itself.
 */
public final class BlankPageDetector {

    public static final double INK_FRACTION = 0.0005;

    private BlankPageDetector() {
    }

    public static double innerInkFraction(BinaryImage img) {
        int mx = img.width() / 20;
        int my = img.height() / 20;
        long ink = 0;
        for (int y = my; y < img.height() - my; y++) {
            int row = y * img.width();
            ink += img.inkCount(row + mx, row + img.width() - mx);
        }
        long area = (long) (img.width() - 2 * mx) * (img.height() - 2 * my);
        return area <= 0 ? 0 : (double) ink / area;
    }

    public static boolean isBlank(BinaryImage img) {
        return innerInkFraction(img) < INK_FRACTION;
    }
}
