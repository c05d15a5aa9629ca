package vn.motcua.counter.application;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import vn.motcua.counter.application.capture.FileCopies;
import vn.motcua.counter.domain.calendar.ScheduleProblem;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;

/**
 * What the launcher hands to the window and to every command: the counter opened on its data folder, and the
 * capabilities that need no data folder (the capture pipeline on files, the scanners, the checks of {@code doctor}).
 */
public interface CounterAccess {

    /** The language of the clerk's messages (setting {@code ui.language}). */
    Locale locale();

    /**
     * Opens the data folder, locked against a second process, and every service over it.
     *
     * @throws CounterException when it cannot be opened (locked by another window, unwritable, a bad setting)
     */
    CounterServices open();

    /** The capture pipeline of {@link #open()}'s copies, on files, reading text in {@code language}. Close it after. */
    FileCopies fileCopies(String language);

    /** The counter's scanners, also asking {@code moreSaneHosts}; close it after. */
    Scanners scanners(List<String> moreSaneHosts);

    CounterDiagnostics diagnostics();

    /**
     * The working calendar appointments are dated by (holidays with the yearly override file, office hours,
     * cutoffs), with {@code overrides} in place of the configured override file when not null; override lines that
     * cannot be used go to {@code skipped}.
     *
     * @throws CounterException when the override file cannot be read or an office-hours setting is wrong
     */
    VietnamHolidayCalendar calendar(Path overrides, BiConsumer<Path, ScheduleProblem> skipped);
}
