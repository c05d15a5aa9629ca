package vn.motcua.counter.domain.calendar;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts between the Gregorian and the Vietnamese lunisolar calendar by the astronomical rules Hồ Ngọc Đức
 * publishes for the Vietnamese calendar (informatik.uni-leipzig.de/~duc/amlich/calrules.html):
 * <ol>
 *   <li>a month begins on the civil day (in the calendar's time zone) of an astronomical new moon;</li>
 *   <li>month 11 is the month containing the winter solstice (sun at 270°);</li>
 *   <li>a year between two months 11 with 13 months has a leap month: the first month after month 11 in which the
 *       sun enters no new 30° sector (no major solar term, "trung khí"); it repeats the previous month's number.</li>
 * </ol>
 * The time zone matters: Vietnam uses UTC+7 since 1968, China UTC+8, so a new moon shortly after 23:00 in Hanoi falls
 * on different days (Tết 2007 and 2030 differ). Valid for 1800–2199, the range of the formulas' accuracy.
 */
public final class LunarCalendar {

    public static final ZoneOffset VIETNAM_ZONE = ZoneOffset.ofHours(7);
    public static final int FIRST_YEAR = 1800;
    public static final int LAST_YEAR = 2199;

    private static final long JULIAN_DAY_OF_EPOCH_DAY_0 = 2440588; // 1970-01-01
    private static final LunarCalendar VIETNAM = new LunarCalendar(VIETNAM_ZONE);

    private final double zoneDays;
    private final Map<Integer, LunarYearMonths> segments = new ConcurrentHashMap<>();

    private LunarCalendar(ZoneOffset zone) {
        this.zoneDays = zone.getTotalSeconds() / 86400.0;
    }

    /** The Vietnamese calendar (UTC+7). */
    public static LunarCalendar vietnam() {
        return VIETNAM;
    }

    /** The same rules for another time zone, e.g. UTC+8 to compare with the Chinese calendar. */
    public static LunarCalendar forZone(ZoneOffset zone) {
        return zone.equals(VIETNAM_ZONE) ? VIETNAM : new LunarCalendar(zone);
    }

    public LunarDate toLunar(LocalDate date) {
        checkRange(date.getYear());
        long day = julianDay(date);
        int year = date.getYear();
        LunarYearMonths months = day >= month11Start(year) ? segment(year + 1) : segment(year);
        return months.dateOf(day);
    }

    /** The Gregorian date of a lunar date, or empty when it does not exist (no such leap month, or day 30 of a 29-day month). */
    public Optional<LocalDate> toSolar(LunarDate lunar) {
        checkRange(lunar.year());
        // Months 11 and 12 of lunar year Y lie between the month 11 of solar year Y and that of Y + 1.
        LunarYearMonths months = segment(lunar.month() >= 11 ? lunar.year() + 1 : lunar.year());
        return months.julianDayOf(lunar).stream().mapToObj(LunarCalendar::date).findFirst();
    }

    /** Tết: mùng 1 tháng Giêng of lunar year {@code year}. */
    public LocalDate newYear(int year) {
        return toSolar(LunarDate.of(year, 1, 1)).orElseThrow();
    }

    /** The number of the month that is repeated as a leap month in lunar year {@code year}, if any. */
    public OptionalInt leapMonth(int year) {
        checkRange(year);
        OptionalInt early = segment(year).leapMonthOfYear(year);
        return early.isPresent() ? early : segment(year + 1).leapMonthOfYear(year);
    }

    /** 29 or 30, or empty when the month does not exist. */
    public OptionalInt monthLength(int year, int month, boolean leap) {
        LunarYearMonths months = segment(month >= 11 ? year + 1 : year);
        return months.lengthOf(year, month, leap);
    }

    private LunarYearMonths segment(int solarYear) {
        return segments.computeIfAbsent(solarYear, this::computeSegment);
    }

    /** The months from the month 11 of {@code solarYear - 1} up to (not including) the month 11 of {@code solarYear}. */
    private LunarYearMonths computeSegment(int solarYear) {
        long start = month11Start(solarYear - 1);
        long end = month11Start(solarYear);
        int k = (int) Math.round((start - Astronomy.NEW_MOON_EPOCH) / Astronomy.SYNODIC_MONTH);
        int count = (int) Math.round((end - start) / Astronomy.SYNODIC_MONTH); // 12 or 13
        long[] starts = new long[count + 1];
        for (int i = 0; i < count; i++) {
            starts[i] = newMoonDay(k + i);
        }
        starts[count] = end;
        int leapIndex = -1;
        if (count == 13) {
            for (int i = 1; i < count; i++) {
                if (sunSector(starts[i]) == sunSector(starts[i + 1])) { // no major term begins in month i
                    leapIndex = i;
                    break;
                }
            }
        }
        return new LunarYearMonths(solarYear, starts, leapIndex);
    }

    /** The civil day (as a Julian day number) beginning the month that contains the winter solstice of {@code year}. */
    private long month11Start(int year) {
        long lastDay = julianDay(LocalDate.of(year, 12, 31));
        int k = (int) Math.floor((lastDay - 2415021) / Astronomy.SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        // If the sun has already passed 270° when this month starts, the solstice was in the month before.
        return sunSector(newMoon) >= 9 ? newMoonDay(k - 1) : newMoon;
    }

    /** The local civil day of new moon k. */
    private long newMoonDay(int k) {
        return (long) Math.floor(Astronomy.newMoon(k) + 0.5 + zoneDays);
    }

    /** Which 30° sector (0..11) of ecliptic longitude the sun is in at local midnight starting {@code julianDay}. */
    private int sunSector(long julianDay) {
        return (int) Math.floor(Astronomy.sunLongitude(julianDay - 0.5 - zoneDays) / Math.PI * 6);
    }

    static long julianDay(LocalDate date) {
        return date.toEpochDay() + JULIAN_DAY_OF_EPOCH_DAY_0;
    }

    static LocalDate date(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH_DAY_0);
    }

    private static void checkRange(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new OutsideCalendarRange(year);
        }
    }
}
