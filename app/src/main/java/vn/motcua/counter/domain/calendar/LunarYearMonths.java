package vn.motcua.counter.domain.calendar;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The 12 or 13 lunar months between two months 11 (month 11 of solar year Y − 1 to month 11 of Y), with their
 * numbers: index 0 is month 11 and 1 month 12 of lunar year Y − 1, then months 1, 2… of lunar year Y; the leap month,
 * if any, repeats the number of the month before it and shifts the rest.
 */
final class LunarYearMonths {

    private final int solarYear;
    private final long[] starts; // Julian day numbers; starts[n] is the next month 11
    private final int leapIndex; // -1 without a leap month

    LunarYearMonths(int solarYear, long[] starts, int leapIndex) {
        this.solarYear = solarYear;
        this.starts = starts.clone();
        this.leapIndex = leapIndex;
    }

    private int count() {
        return starts.length - 1;
    }

    private int monthNumber(int index) {
        int ordinal = leapIndex >= 0 && index >= leapIndex ? index - 1 : index;
        return (ordinal + 10) % 12 + 1; // ordinal 0 -> 11, 1 -> 12, 2 -> 1 …
    }

    private boolean isLeap(int index) {
        return index == leapIndex;
    }

    private int lunarYear(int index) {
        int month = monthNumber(index);
        // Months 11 and 12 at the start of the segment still belong to the previous lunar year.
        return month >= 11 && index < 4 ? solarYear - 1 : solarYear;
    }

    LunarDate dateOf(long julianDay) {
        for (int i = count() - 1; i >= 0; i--) {
            if (julianDay >= starts[i]) {
                return new LunarDate(lunarYear(i), monthNumber(i), (int) (julianDay - starts[i]) + 1, isLeap(i));
            }
        }
        throw new IllegalStateException("day " + julianDay + " is before this lunar year's month 11");
    }

    private int indexOf(int year, int month, boolean leap) {
        for (int i = 0; i < count(); i++) {
            if (monthNumber(i) == month && isLeap(i) == leap && lunarYear(i) == year) {
                return i;
            }
        }
        return -1;
    }

    OptionalLong julianDayOf(LunarDate date) {
        int i = indexOf(date.year(), date.month(), date.leapMonth());
        if (i < 0 || date.day() > starts[i + 1] - starts[i]) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(starts[i] + date.day() - 1);
    }

    OptionalInt lengthOf(int year, int month, boolean leap) {
        int i = indexOf(year, month, leap);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of((int) (starts[i + 1] - starts[i]));
    }

    OptionalInt leapMonthOfYear(int year) {
        return leapIndex >= 0 && lunarYear(leapIndex) == year ? OptionalInt.of(monthNumber(leapIndex)) : OptionalInt.empty();
    }
}
