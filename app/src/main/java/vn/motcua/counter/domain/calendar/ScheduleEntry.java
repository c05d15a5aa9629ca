package vn.motcua.counter.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a yearly holiday schedule: a decision the statutory rules cannot compute.
 *
 * @param legalBasis the document that decided it (e.g. "Văn bản 12729/VPCP-KGVX ngày 25/12/2025"); may be empty
 */
public record ScheduleEntry(LocalDate date, Kind kind, String name, String legalBasis) {

    public enum Kind {
        /** One of the five statutory Tết days chosen for the year; any such line replaces the default Tết rule for its year. */
        TET,
        /** The day next to 2/9 chosen for the year; replaces the default rule for its year. */
        NATIONAL_DAY,
        /** A day off swapped with a working day (nghỉ hoán đổi). */
        OFF,
        /** A working day, even on a weekend or a holiday (làm bù). Wins over every other rule. */
        WORK,
        /** Another paid day off decided for that year (e.g. a day added to Art. 112); compensated like statutory days. */
        HOLIDAY
    }

    public ScheduleEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        legalBasis = legalBasis == null ? "" : legalBasis;
    }
}
