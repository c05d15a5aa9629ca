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

    private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] BRANCHES = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};

    /**
     * The year's name in the 60-year cycle (can chi: heavenly stem + earthly branch), e.g. "Bính Ngọ" for 2026;
     * year 4 was Giáp Tý, the start of a cycle.
     */
    public String yearName() {
        return STEMS[Math.floorMod(year - 4, 10)] + " " + BRANCHES[Math.floorMod(year - 4, 12)];
    }

    /** As Vietnamese calendars write it: {@code 10/3} or {@code 4/2 nhuận}, then the year. */
    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? " nhuận" : "") + "/" + year;
    }
}
