package vn.motcua.counter.domain.calendar;

/**
 * The two astronomical quantities the Vietnamese lunisolar calendar needs: the instant of the k-th new moon and the
 * sun's apparent longitude. Formulas from Jean Meeus, "Astronomical Algorithms" (ch. 25 and 49, truncated series), in
 * the form Hồ Ngọc Đức uses for his published Vietnamese calendar ("Âm lịch Việt Nam",
 * informatik.uni-leipzig.de/~duc/amlich/calrules.html). The accuracy (minutes) is enough to find the civil day of a
 * new moon except in rare near-midnight cases, where the published calendars make the same choice as these formulas.
 */
final class Astronomy {

    /** Julian day of the mean new moon k = 0 (1900-01-01 13:52 UT), the epoch of the lunation count. */
    static final double NEW_MOON_EPOCH = 2415021.076998695;
    /** Mean length of a synodic month in days. */
    static final double SYNODIC_MONTH = 29.530588853;

    private static final double DEG = Math.PI / 180;

    private Astronomy() {
    }

    /** Julian day (UT, fractional) of new moon number {@code k} counted from the new moon of 1900-01-01. */
    static double newMoon(int k) {
        double t = k / 1236.85; // Julian centuries since 1900-01-01
        double t2 = t * t;
        double t3 = t2 * t;
        double jde = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
        double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double latitudeArg = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double m = sunAnomaly * DEG;
        double mp = moonAnomaly * DEG;
        double f = latitudeArg * DEG;
        double correction = (0.1734 - 0.000393 * t) * Math.sin(m) + 0.0021 * Math.sin(2 * m)
                - 0.4068 * Math.sin(mp) + 0.0161 * Math.sin(2 * mp) - 0.0004 * Math.sin(3 * mp)
                + 0.0104 * Math.sin(2 * f) - 0.0051 * Math.sin(m + mp) - 0.0074 * Math.sin(m - mp)
                + 0.0004 * Math.sin(2 * f + m) - 0.0004 * Math.sin(2 * f - m) - 0.0006 * Math.sin(2 * f + mp)
                + 0.0010 * Math.sin(2 * f - mp) + 0.0005 * Math.sin(2 * mp + m);
        // ΔT = TT − UT in days: the series give dynamical time, civil dates need universal time.
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jde + correction - deltaT;
    }

    /** The sun's apparent longitude in radians, in [0, 2π), at Julian day {@code jd} (UT). */
    static double sunLongitude(double jd) {
        double t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
        double t2 = t * t;
        double meanAnomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly)
                + 0.000290 * Math.sin(3 * meanAnomaly);
        double longitude = (meanLongitude + centre) * DEG;
        longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
        return longitude;
    }
}
