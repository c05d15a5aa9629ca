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

    /**
     * Whether the data folder has accounts, so that every face must sign in (decision 1301); false before the first
     * one (set-up) and when there is no data folder yet. Reads without opening the counter.
     */
    boolean accountsExist();

    /** The language of the clerk's messages (setting {@code ui.language}). */
    Locale locale();

    /**
     * Opens the data folder, locked against a second process, and every service over it.
     *
     * @throws CounterException when it cannot be opened (locked by another window, unwritable, a bad setting)
     */
    CounterServices open();

    /**
     * Opens the data folder for reading only: no instance lock, no migration, no start-up work, so a command that only
     * reads (a report, a dossier) works while the window or another process holds the folder. Writing through it fails.
     */
    default CounterServices openForReading() {
        return open();
    }

    /** The capture pipeline of {@link #open()}'s copies, on files, reading text in {@code language}. Close it after. */
    FileCopies fileCopies(String language);

    /** The counter's scanners, also asking {@code moreSaneHosts}; close it after. */
    Scanners scanners(List<String> moreSaneHosts);

    CounterDiagnostics diagnostics();

    /** Signing and verification of PDF files as the settings set them up; needs no data folder. */
    vn.motcua.counter.application.signing.Signatures signatures();

    /**
     * What the clerk should be told at start (OCR engine or model missing, wrong settings, an update waiting). It may
     * load native libraries: call it off the UI thread.
     */
    default java.util.List<Notice> notices() {
        return java.util.List.of();
    }

    /** Updates from the hub, as the settings allow (off, pinned, or the newest). */
    CounterUpdates updates();

    /** Encrypted backup of the data folder and restore with the recovery key (IT staff; decision 1203). */
    default Backups backups() {
        throw new CounterException("backup.unavailable");
    }

    /**
     * Writes {@code values} into the machine-wide configuration (administrators only) and returns its path.
     *
     * @throws CounterException for an unknown key or a wrong value, before anything is written
     */
    java.nio.file.Path provision(java.util.Map<String, String> values);

    /**
     * The working calendar appointments are dated by (holidays with the yearly override file, office hours,
     * cutoffs), with {@code overrides} in place of the configured override file when not null; override lines that
     * cannot be used go to {@code skipped}.
     *
     * @throws CounterException when the override file cannot be read or an office-hours setting is wrong
     */
    VietnamHolidayCalendar calendar(Path overrides, BiConsumer<Path, ScheduleProblem> skipped);
}
