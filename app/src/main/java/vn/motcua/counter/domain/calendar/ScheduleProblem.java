package vn.motcua.counter.domain.calendar;

import java.util.Locale;

/** A line of a holiday schedule that was skipped, with the reason as a message key for IT staff. */
public record ScheduleProblem(int line, Reason reason, String text) {

    public enum Reason {
        TOO_FEW_FIELDS,
        BAD_DATE,
        UNKNOWN_KIND,
        MISSING_NAME,
        DUPLICATE_DATE;

        public String messageKey() {
            return "calendar.schedule." + name().toLowerCase(Locale.ROOT);
        }
    }

    public String messageKey() {
        return reason.messageKey();
    }
}
