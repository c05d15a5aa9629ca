package vn.motcua.counter.domain.calendar;

import java.time.Duration;
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

    /** When the result of a same-day procedure is ready (the closing time of {@link OfficeHours#STANDARD}). */
    LocalTime END_OF_OFFICE_DAY = LocalTime.of(17, 0);

    boolean isWorkingDay(LocalDate day);

    /** The office sessions used for hour limits and same-day returns; implementations may be configured otherwise. */
    default OfficeHours officeHours() {
        return OfficeHours.STANDARD;
    }

    /** The latest reception time for a same-day return (15:00 unless configured). */
    default LocalTime sameDayCutoff() {
        return SAME_DAY_CUTOFF;
    }

    default LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * The appointment for a dossier received at {@code received}. A dossier received on a day off counts from the
     * next working day. Same-day limits return at the end of the office day, or the next working day after the cutoff;
     * limits of N working days return on the N-th working day after reception at the same time of day; limits in hours
     * count office hours only (see {@link #officeHours()}).
     */
    default LocalDateTime appointment(LocalDateTime received, ProcessingTime limit) {
        if (limit.inHours()) {
            return afterWorkingHours(received, Duration.ofHours(limit.workingHours()));
        }
        LocalTime closing = officeHours().closing();
        LocalDate start = received.toLocalDate();
        LocalTime time = received.toLocalTime();
        if (!isWorkingDay(start)) {
            start = nextWorkingDay(start);
            time = closing;
        }
        if (limit.sameDay()) {
            boolean tooLate = received.toLocalDate().equals(start) && received.toLocalTime().isAfter(sameDayCutoff());
            return (tooLate ? nextWorkingDay(start) : start).atTime(closing);
        }
        LocalDate due = start;
        for (int i = 0; i < limit.workingDays(); i++) {
            due = nextWorkingDay(due);
        }
        return due.atTime(time);
    }

    /**
     * The moment {@code amount} of office time has passed since {@code received}: time outside the office sessions and
     * days off do not count, and a dossier received outside office hours counts from the next opening.
     */
    default LocalDateTime afterWorkingHours(LocalDateTime received, Duration amount) {
        Duration remaining = amount;
        LocalDate day = received.toLocalDate();
        LocalTime from = received.toLocalTime();
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
            from = LocalTime.MIN;
        }
        while (true) {
            for (LocalTime[] session : officeHours().sessions()) {
                if (!from.isBefore(session[1])) {
                    continue;
                }
                LocalTime start = from.isAfter(session[0]) ? from : session[0];
                Duration available = Duration.between(start, session[1]);
                if (remaining.compareTo(available) <= 0) {
                    return day.atTime(start.plus(remaining));
                }
                remaining = remaining.minus(available);
            }
            day = nextWorkingDay(day);
            from = LocalTime.MIN;
        }
    }
}
