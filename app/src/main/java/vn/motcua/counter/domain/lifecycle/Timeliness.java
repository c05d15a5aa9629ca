package vn.motcua.counter.domain.lifecycle;

import java.time.LocalDateTime;

/** Whether a result came before, on or after its appointment (trước hạn, đúng hạn, quá hạn), as the control slip says. */
public enum Timeliness {
    BEFORE("Trước hạn"),
    ON_TIME("Đúng hạn"),
    LATE("Quá hạn");

    private final String label;

    Timeliness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** On time means the appointment's day, not later than its time; any earlier day is before time. */
    public static Timeliness of(LocalDateTime resolvedAt, LocalDateTime deadline) {
        if (resolvedAt.isAfter(deadline)) {
            return LATE;
        }
        return resolvedAt.toLocalDate().isEqual(deadline.toLocalDate()) ? ON_TIME : BEFORE;
    }
}
