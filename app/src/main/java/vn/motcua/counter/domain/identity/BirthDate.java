package vn.motcua.counter.domain.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birth date as the clerk types it ({@code 02/04/1990}, also {@code 2/4/1990}, {@code 02.04.1990} or ISO
 * {@code 1990-04-02}). A date the calendar does not have ({@code 31/02/1990}) is refused, never moved to a nearby
 * day, and so is a date after today: a wrong birth date would hide the ID number's birth-year check.
 */
public final class BirthDate {

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    /** Why a typed birth date was refused; each has a message key for the UI bundles. */
    public enum Problem implements IdentityProblem {
        FORMAT, NO_SUCH_DATE, IN_FUTURE;

        @Override
        public String messageKey() {
            return "birthdate.problem." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private BirthDate() {
    }

    public static ParseResult<LocalDate> parse(String typed, LocalDate today) {
        String text = typed == null ? "" : typed.strip();
        Matcher dayFirst = DAY_FIRST.matcher(text);
        Matcher iso = ISO.matcher(text);
        int day;
        int month;
        int year;
        if (dayFirst.matches()) {
            day = Integer.parseInt(dayFirst.group(1));
            month = Integer.parseInt(dayFirst.group(2));
            year = Integer.parseInt(dayFirst.group(3));
        } else if (iso.matches()) {
            year = Integer.parseInt(iso.group(1));
            month = Integer.parseInt(iso.group(2));
            day = Integer.parseInt(iso.group(3));
        } else {
            return ParseResult.rejected(Problem.FORMAT);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return ParseResult.rejected(Problem.NO_SUCH_DATE);
        }
        return date.isAfter(today) ? ParseResult.rejected(Problem.IN_FUTURE) : ParseResult.ok(date);
    }
}
