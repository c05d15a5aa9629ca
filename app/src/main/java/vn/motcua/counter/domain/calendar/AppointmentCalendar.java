package vn.motcua.counter.domain.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import vn.motcua.counter.domain.ProcessingTime;

/**
 * Turns a reception time and a procedure's time limit into the appointment (ngày hẹn trả), counting working days
 * only. Implementations decide which days are working days; the counting rule is the same for all.
 */
public interface AppointmentCalendar {

    /** Same-day procedures received after this time are returned the next working day. */
    LocalTime SAME_DAY_CUTOFF = LocalTime.of(15, 0);

    /** When the result of a same-day procedure is ready. */
    LocalTime END_OF_OFFICE_DAY = LocalTime.of(17, 0);

    boolean isWorkingDay(LocalDate day);

    default LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * The appointment for a dossier received at {@code received}. A dossier received on a day off counts from the
     * next working day. Same-day limits return at the end of the office day, or the next working day after 15:00;
     * limits of N working days return on the N-th working day after reception at the same time of day.
     */
    default LocalDateTime appointment(LocalDateTime received, ProcessingTime limit) {
        LocalDate start = received.toLocalDate();
        LocalTime time = received.toLocalTime();
        if (!isWorkingDay(start)) {
            start = nextWorkingDay(start);
            time = END_OF_OFFICE_DAY;
        }
        if (limit.sameDay()) {
            boolean tooLate = received.toLocalDate().equals(start) && received.toLocalTime().isAfter(SAME_DAY_CUTOFF);
            return (tooLate ? nextWorkingDay(start) : start).atTime(END_OF_OFFICE_DAY);
        }
        LocalDate due = start;
        for (int i = 0; i < limit.workingDays(); i++) {
            due = nextWorkingDay(due);
        }
        return due.atTime(time);
    }
}
