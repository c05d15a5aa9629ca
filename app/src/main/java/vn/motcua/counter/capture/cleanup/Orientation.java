package vn.motcua.counter.capture.cleanup;

/**
 * Finds pages turned by 90°, 180° or 270°. Sideways: text lines give sharper profiles across than along.
 * Upside down: in Latin and Vietnamese script more ink sits above a line's x-height band (capitals, ascenders,
 * tone marks) than below it (descenders, the dot of dấu nặng), so the band's position within each line tells.
 */
public final class Orientation {

    private Orientation() {
    }

    /**
     * Clockwise quarter turns that make the page upright (0–3). The line direction is searched on the ~75 dpi
     * reduction ({@code coarse}; a quarter of the points, and lines are as clear); the ascender test needs the
     * ~150 dpi one ({@code fine}), but only at the angle found.
     */
    static int uprightTurns(InkPoints coarse, InkPoints fine) {
        InkPoints p = coarse;
        if (p.count() < 50) {
            return 0;
        }
        double along = SkewDetector.search(p, -SkewDetector.MAX_DEGREES, SkewDetector.MAX_DEGREES, 1);
        InkPoints t = p.transposed();
        double across = SkewDetector.search(t, -SkewDetector.MAX_DEGREES, SkewDetector.MAX_DEGREES, 1);
        boolean sideways = t.score(across) > 1.3 * p.score(along);
        // For a sideways page, transposing turns it into an upright or upside-down page mirrored left-right;
        // the ascender test does not care about mirroring, only about up and down.
        InkPoints lines = sideways ? fine.transposed() : fine;
        double angle = sideways ? across : along;
        boolean topHeavy = aboveBelowRatio(lines.profile(angle)) >= 1.0;
        if (!sideways) {
            return topHeavy ? 0 : 2;
        }
        // A page turned 90° clockwise has its top on the right; transposition puts that at the bottom, so it
        // reads bottom-heavy and needs three more clockwise turns. Top-heavy means it was turned the other way.
        return topHeavy ? 1 : 3;
    }

    /** Ink above the dense band of each text line divided by ink below it. */
    static double aboveBelowRatio(int[] profile) {
        long above = 0;
        long below = 0;
        int peak = 0;
        for (int v : profile) {
            peak = Math.max(peak, v);
        }
        int gap = Math.max(2, peak * 3 / 100); // rows with a stray speckle or two still separate lines
        int i = 0;
        while (i < profile.length) {
            if (profile[i] <= gap) {
                i++;
                continue;
            }
            int start = i;
            int max = 0;
            while (i < profile.length && profile[i] > gap) {
                max = Math.max(max, profile[i]);
                i++;
            }
            int end = i - 1;
            if (end - start < 4) {
                continue;
            }
            int coreStart = start;
            while (profile[coreStart] < max * 0.45) {
                coreStart++;
            }
            int coreEnd = end;
            while (profile[coreEnd] < max * 0.45) {
                coreEnd--;
            }
            for (int k = start; k < coreStart; k++) {
                above += profile[k];
            }
            for (int k = coreEnd + 1; k <= end; k++) {
                below += profile[k];
            }
        }
        return below == 0 ? (above == 0 ? 1 : 10) : (double) above / below;
    }
}
