package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.domain.calendar.OfficeHours;
import vn.motcua.counter.domain.calendar.ScheduleProblem;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;

/**
 * The working calendar the counter dates appointments by, built from the settings: the bundled holiday schedule
 * laid over with the yearly override file IT staff maintain (extra days off, working Saturdays), the office hours
 * and the two cutoffs. The window, {@code calendar due} and every other face use this one, so they agree.
 */
public final class CounterCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(CounterCalendar.class);

    private CounterCalendar() {
    }

    /** The counter's calendar; override lines that cannot be used are logged and skipped. */
    public static VietnamHolidayCalendar of(Settings settings) {
        return of(settings, settings.holidayOverrides().orElse(null),
                (file, p) -> LOG.warn("{} line {}: {} [{}]", file, p.line(), p.reason(), p.text()));
    }

    /**
     * The counter's calendar with {@code overrides} (null: none) as the override file.
     *
     * @throws CounterException when the file cannot be read or the office hours settings are wrong
     */
    public static VietnamHolidayCalendar of(Settings settings, Path overrides,
                                           BiConsumer<Path, ScheduleProblem> skipped) {
        VietnamHolidayCalendar calendar = VietnamHolidayCalendar.bundled();
        if (overrides != null) {
            try {
                VietnamHolidayCalendar.Loaded loaded = VietnamHolidayCalendar.withOverrides(
                        Files.readString(overrides, StandardCharsets.UTF_8));
                loaded.problems().forEach(p -> skipped.accept(overrides, p));
                calendar = loaded.calendar();
            } catch (IOException e) {
                throw new CounterException("settings.holidays_unreadable", e, overrides);
            }
        }
        String hoursText = settings.require(Settings.OFFICE_HOURS);
        OfficeHours hours = OfficeHours.parse(hoursText)
                .orElseThrow(() -> new CounterException("settings.bad_value", Settings.OFFICE_HOURS, hoursText));
        LocalTime cutoff = time(settings, Settings.RECEPTION_CUTOFF).orElse(hours.closing());
        LocalTime sameDay = time(settings, Settings.SAME_DAY_CUTOFF).orElseThrow();
        try {
            return calendar.withOfficeHours(hours, cutoff, sameDay);
        } catch (IllegalArgumentException e) {
            throw new CounterException("settings.cutoff_outside_hours", e, cutoff, sameDay, hours);
        }
    }

    private static Optional<LocalTime> time(Settings settings, String key) {
        Optional<String> text = settings.get(key);
        try {
            return text.map(LocalTime::parse);
        } catch (DateTimeParseException e) {
            throw new CounterException("settings.bad_value", e, key, text.get());
        }
    }
}
