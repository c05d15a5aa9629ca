package vn.motcua.counter.domain.calendar;

import java.time.LocalDate;

/** A day off on full pay for civil servants, with why it is off. */
public record Holiday(LocalDate date, String name, Kind kind, String legalBasis) {

    public enum Kind {
        /** Labour Code 2019 Art. 112(1), including the Tết and National Day days chosen each year. */
        STATUTORY,
        /** The next working day off for a statutory day on a weekend (Art. 111(3)). */
        COMPENSATORY,
        /** Swapped with a working day (hoán đổi). */
        SWAPPED,
        /** Another day off decided for the year (schedule kind HOLIDAY). */
        DECIDED
    }
}
