package vn.motcua.counter.domain.calendar;

/** A date outside the years the lunar calendar, and so the holiday calendar, can compute (1800–2199). */
public final class OutsideCalendarRange extends IllegalArgumentException {

    private final int year;

    OutsideCalendarRange(int year) {
        super("lunar calendar supports " + LunarCalendar.FIRST_YEAR + "–" + LunarCalendar.LAST_YEAR + ": " + year);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
