package vn.motcua.counter.capture.cleanup;

/**
 * Measures the skew of text lines by projection profiles: the angle whose row profile has the sharpest peaks.
 * A coarse search on a ~75 dpi reduction, then a fine one on ~150 dpi with a parabola through the best three
 * scores, gives about 0.05° precision. Positive angles are clockwise on screen.
 */
public final class SkewDetector {

    public static final double MAX_DEGREES = 15;

    private SkewDetector() {
    }

    /** @param coarse ink points of the page reduced to ~75 dpi, @param fine to ~150 dpi */
    static double measure(InkPoints coarse, InkPoints fine) {
        if (coarse.count() < 50) {
            return 0;
        }
        return refine(fine, search(coarse, -MAX_DEGREES, MAX_DEGREES, 0.5));
    }

    static double refine(InkPoints f, double around) {
        double step = 0.05;
        double best = search(f, around - 0.6, around + 0.6, step);
        double s0 = f.score(best - step);
        double s1 = f.score(best);
        double s2 = f.score(best + step);
        double denom = s0 - 2 * s1 + s2;
        double shift = denom < 0 ? 0.5 * (s0 - s2) / denom : 0;
        return best + Math.max(-1, Math.min(1, shift)) * step;
    }

    static double search(InkPoints points, double from, double to, double step) {
        double best = 0;
        double bestScore = -1;
        for (double a = from; a <= to + 1e-9; a += step) {
            double s = points.score(a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return best;
    }
}
