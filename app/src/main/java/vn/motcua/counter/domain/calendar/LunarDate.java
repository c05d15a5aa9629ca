package vn.motcua.counter.domain.calendar;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch). Month 1 is "tháng Giêng", month 12 "tháng Chạp"; a leap
 * month (tháng nhuận) repeats the number of the month before it. The year is the Gregorian year in which its month 1
 * begins, so Tết (mùng 1 tháng Giêng, the lunar new year) of year Y falls in January or February of Y.
 *
 * @param leapMonth true for a day of the leap month that follows month {@code month}
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1..12: " + month);
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day must be 1..30: " + day);
        }
    }

    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    /** As Vietnamese calendars write it: {@code 10/3} or {@code 4/2 nhuận}, then the year. */
    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? " nhuận" : "") + "/" + year;
    }
}
