package vn.motcua.counter.application;

import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.domain.access.Permission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.motcua.counter.application.port.DossierQueries;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.calendar.AppointmentCalendar;

/** The counter's working lists and search, in Vietnam time and working days. */
public final class DossierLists {

    /**
     * Statuses in which the agency still owes the result, so the appointment can be missed. Waiting for the
     * applicant's supplement (5) is not: the time limit is counted again once the papers come back.
     */
    public static final Set<Status> AWAITING_RESULT =
            EnumSet.of(Status.RECEIVED, Status.PROCESSING, Status.PAYMENT_REQUESTED);
    /** "Due soon": the appointment falls within this many working days from now. */
    public static final int DUE_SOON_WORKING_DAYS = 2;

    private final DossierQueries queries;
    private final AppointmentCalendar calendar;
    private final Clock clock;
    private final CurrentClerk clerk;

    /** @param clerk who is signed in: lists and search need {@link Permission#SEARCH} */
    public DossierLists(DossierQueries queries, AppointmentCalendar calendar, Clock clock, CurrentClerk clerk) {
        this.clerk = java.util.Objects.requireNonNull(clerk, "who is signed in");
        this.queries = queries;
        this.calendar = calendar;
        this.clock = clock;
    }

    public List<DossierSummary> list(DossierList list) {
        clerk.require(Permission.SEARCH);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        return switch (list) {
            case TODAY -> queries.receivedBetween(today.atStartOfDay(), today.plusDays(1).atStartOfDay());
            case DUE_SOON -> queries.dueBetween(AWAITING_RESULT, now,
                    calendar.appointment(now, ProcessingTime.ofWorkingDays(DUE_SOON_WORKING_DAYS)));
            case OVERDUE -> queries.dueBetween(AWAITING_RESULT, LocalDate.EPOCH.atStartOfDay(), now);
            case READY_TO_RETURN -> queries.withStatus(Status.RESOLVED);
            case SUPPLEMENT_REQUESTED -> queries.withStatus(Status.SUPPLEMENT_REQUESTED);
        };
    }

    public List<DossierSummary> search(String query) {
        clerk.require(Permission.SEARCH);
        return query == null || query.isBlank() ? List.of() : queries.search(query.strip());
    }
}
