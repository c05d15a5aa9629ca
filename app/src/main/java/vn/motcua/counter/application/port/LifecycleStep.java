package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.lifecycle.Rating;

/**
 * Everything one lifecycle action writes, saved in one transaction: the event (who, when, why), the status change
 * ({@code from} equals {@code to} for an apology), and what comes with it. Optional parts are null.
 *
 * @param kind            the event kind in the history, e.g. {@code SUPPLEMENT_REQUESTED}, {@code REFUSED}
 * @param newAppointment  the date promised in an apology
 */
public record LifecycleStep(String kind, LocalDateTime at, String actor, Status from, Status to, String reason,
                            Handover handover, IssuedForm form, LocalDateTime newAppointment, Rating rating) {

    public static LifecycleStep of(String kind, LocalDateTime at, String actor, Status from, Status to,
                                   String reason) {
        return new LifecycleStep(kind, at, actor, from, to, reason, null, null, null, null);
    }

    public LifecycleStep withHandover(Handover value) {
        return new LifecycleStep(kind, at, actor, from, to, reason, value, form, newAppointment, rating);
    }

    public LifecycleStep withForm(IssuedForm value) {
        return new LifecycleStep(kind, at, actor, from, to, reason, handover, value, newAppointment, rating);
    }

    public LifecycleStep withNewAppointment(LocalDateTime value) {
        return new LifecycleStep(kind, at, actor, from, to, reason, handover, form, value, rating);
    }

    public LifecycleStep withRating(Rating value) {
        return new LifecycleStep(kind, at, actor, from, to, reason, handover, form, newAppointment, value);
    }
}
