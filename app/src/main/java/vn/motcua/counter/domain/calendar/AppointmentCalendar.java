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

    boolean isWorkingDay(LocalDate day);

    /** The office sessions used for hour limits and same-day returns; implementations may be configured otherwise. */
    default OfficeHours officeHours() {
        return OfficeHours.STANDARD;
    }

    /** The latest reception time for a same-day return (15:00 unless configured). */
    default LocalTime sameDayCutoff() {
        return SAME_DAY_CUTOFF;
    }

    /**
     * The latest reception time that still counts from the day it was received; later dossiers count from the next
     * working day's opening. The office's closing time unless configured (some provinces use 15:00 for all limits).
     */
    default LocalTime receptionCutoff() {
        return officeHours().closing();
    }

    default LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * When the time limit starts to run for a dossier received at {@code received}: at once when the office is open
     * and the reception cutoff has not passed; at the next session's opening when received before opening or during
     * the midday break; otherwise (after the cutoff or closing, on a day off) at the next working day's opening.
     * The result is always inside an office session of a working day.
     */
    default LocalDateTime countsFrom(LocalDateTime received) {
        LocalDate day = received.toLocalDate();
        LocalTime time = received.toLocalTime();
        if (isWorkingDay(day) && !time.isAfter(receptionCutoff())) {
            for (LocalTime[] session : officeHours().sessions()) {
                if (time.isBefore(session[1])) {
                    return day.atTime(time.isBefore(session[0]) ? session[0] : time);
                }
            }
        }
        return nextWorkingDay(day).atTime(officeHours().opening());
    }

    /**
     * The appointment for a dossier received at {@code received}, always inside office hours on a working day. The
     * limit runs from {@link #countsFrom}. Same-day limits return at the closing time of the reception day, or of
     * the next working day when received after the same-day cutoff or on a day off; limits of N working days return
     * on the N-th working day after the limit starts, at the time it started; limits in hours count office hours only
     * (see {@link #officeHours()}).
     */
    default LocalDateTime appointment(LocalDateTime received, ProcessingTime limit) {
        LocalDateTime start = countsFrom(received);
        if (limit.inHours()) {
            return afterWorkingHours(start, Duration.ofHours(limit.workingHours()));
        }
        if (limit.sameDay()) {
            boolean sameDay = isWorkingDay(received.toLocalDate()) && !received.toLocalTime().isAfter(sameDayCutoff());
            return (sameDay ? received.toLocalDate() : nextWorkingDay(received.toLocalDate()))
                    .atTime(officeHours().closing());
        }
        LocalDate due = start.toLocalDate();
        for (int i = 0; i < limit.workingDays(); i++) {
            due = nextWorkingDay(due);
        }
        return due.atTime(start.toLocalTime());
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
