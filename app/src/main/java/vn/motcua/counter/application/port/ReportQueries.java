package vn.motcua.counter.application.port;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.domain.Status;

/** The figures of a counter report, counted in the store. */
public interface ReportQueries {

    /**
     * @param from        first day of the period (reception, resolution and rating times count from 00:00)
     * @param to          last day of the period, included
     * @param now         the moment "overdue now" is measured at
     * @param openStatuses statuses in which a dossier past its appointment is overdue
     */
    CounterReport counterReport(LocalDate from, LocalDate to, LocalDateTime now, Set<Status> openStatuses,
                                String agencyCode);
}
