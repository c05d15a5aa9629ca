package vn.motcua.counter.domain.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The two office sessions of a working day, used to count limits given in working hours and to place same-day
 * appointments at closing time. The default 07:30–11:30 and 13:00–17:00 is the common schedule of Vietnamese public
 * bodies (8 hours a day, Labour Code 2019 Art. 105); provinces set their own (e.g. afternoons from 13:30), so deployments
 * configure it.
 */
public record OfficeHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd) {

    public static final OfficeHours STANDARD =
            new OfficeHours(LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(13, 0), LocalTime.of(17, 0));

    public OfficeHours {
        if (!(morningStart.isBefore(morningEnd) && !morningEnd.isAfter(afternoonStart) && afternoonStart.isBefore(afternoonEnd))) {
            throw new IllegalArgumentException("office sessions must be in order: " + morningStart + "-" + morningEnd
                    + ", " + afternoonStart + "-" + afternoonEnd);
        }
    }

    /** Reads a setting such as {@code 07:30-11:30,13:00-17:00}; empty when it is not of that form or out of order. */
    public static Optional<OfficeHours> parse(String setting) {
        if (setting == null) {
            return Optional.empty();
        }
        String[] parts = setting.strip().split("\\s*[,;]\\s*|\\s*-\\s*");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OfficeHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]),
                    LocalTime.parse(parts[2]), LocalTime.parse(parts[3])));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public LocalTime opening() {
        return morningStart;
    }

    public LocalTime closing() {
        return afternoonEnd;
    }

    /** {@code time} when it lies between opening and closing (a cutoff); else an IllegalArgumentException. */
    LocalTime checkedWithin(LocalTime time) {
        if (time.isBefore(opening()) || time.isAfter(closing())) {
            throw new IllegalArgumentException(time + " is outside the office hours " + this);
        }
        return time;
    }

    List<LocalTime[]> sessions() {
        return List.of(new LocalTime[] {morningStart, morningEnd}, new LocalTime[] {afternoonStart, afternoonEnd});
    }

    public Duration perDay() {
        return Duration.between(morningStart, morningEnd).plus(Duration.between(afternoonStart, afternoonEnd));
    }

    @Override
    public String toString() {
        return morningStart + "-" + morningEnd + "," + afternoonStart + "-" + afternoonEnd;
    }
}
