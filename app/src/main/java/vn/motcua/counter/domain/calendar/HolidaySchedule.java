package vn.motcua.counter.domain.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The yearly decisions on days off (Tết days, National Day's second day, swaps, working Saturdays) as data that IT
 * staff can edit. Text format, UTF-8, one day per line, {@code #} starts a comment:
 * <pre>
 * DATE;KIND;NAME;LEGAL BASIS
 * 2026-01-10;WORK;Làm bù cho thứ Sáu 02/01/2026;Văn bản 12729/VPCP-KGVX ngày 25/12/2025
 * </pre>
 * DATE is {@code yyyy-MM-dd}, KIND one of {@link ScheduleEntry.Kind}, the legal basis may itself contain {@code ;}.
 * The bundled file holds the schedules published so far; an override file on the counter PC adds or replaces lines.
 */
public final class HolidaySchedule {

    /** Where the bundled default lives on the class path. */
    public static final String BUNDLED_RESOURCE = "holiday-schedule.txt";

    private final List<ScheduleEntry> entries;

    private HolidaySchedule(Collection<ScheduleEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparing(ScheduleEntry::date)).toList();
    }

    public static HolidaySchedule of(Collection<ScheduleEntry> entries) {
        return new HolidaySchedule(entries);
    }

    public static HolidaySchedule empty() {
        return new HolidaySchedule(List.of());
    }

    /** The schedules shipped with the application (2025 and 2026). */
    public static HolidaySchedule bundled() {
        try (InputStream in = HolidaySchedule.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_RESOURCE + " is missing from the application");
            }
            Parsed parsed = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!parsed.problems().isEmpty()) {
                throw new IllegalStateException("bundled holiday schedule has errors: " + parsed.problems());
            }
            return parsed.schedule();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schedule read from text, and the lines that were skipped. */
    public record Parsed(HolidaySchedule schedule, List<ScheduleProblem> problems) {
    }

    /** Reads schedule text; bad lines are skipped and reported, never thrown. */
    public static Parsed parse(String text) {
        Map<LocalDate, ScheduleEntry> byDate = new LinkedHashMap<>();
        List<ScheduleProblem> problems = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\uFEFF", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            String[] fields = line.split(";", 4);
            if (fields.length < 3) {
                problems.add(new ScheduleProblem(lineNumber, ScheduleProblem.Reason.TOO_FEW_FIELDS, line));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(fields[0].strip());
            } catch (DateTimeParseException e) {
                problems.add(new ScheduleProblem(lineNumber, ScheduleProblem.Reason.BAD_DATE, line));
                continue;
            }
            ScheduleEntry.Kind kind;
            try {
                kind = ScheduleEntry.Kind.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new ScheduleProblem(lineNumber, ScheduleProblem.Reason.UNKNOWN_KIND, line));
                continue;
            }
            String name = fields[2].strip();
            if (name.isEmpty()) {
                problems.add(new ScheduleProblem(lineNumber, ScheduleProblem.Reason.MISSING_NAME, line));
                continue;
            }
            if (byDate.containsKey(date)) {
                problems.add(new ScheduleProblem(lineNumber, ScheduleProblem.Reason.DUPLICATE_DATE, line));
                continue;
            }
            String basis = fields.length > 3 ? fields[3].strip() : "";
            byDate.put(date, new ScheduleEntry(date, kind, name, basis));
        }
        return new Parsed(new HolidaySchedule(byDate.values()), List.copyOf(problems));
    }

    /**
     * This schedule with {@code override} laid over it: an override line replaces the line of the same date, and
     * override TET or NATIONAL_DAY lines for a year replace all of this schedule's lines of that kind in that year.
     */
    public HolidaySchedule overriddenBy(HolidaySchedule override) {
        Set<LocalDate> overriddenDates = new HashSet<>();
        Set<String> overriddenYearKinds = new HashSet<>();
        for (ScheduleEntry entry : override.entries) {
            overriddenDates.add(entry.date());
            if (entry.kind() == ScheduleEntry.Kind.TET || entry.kind() == ScheduleEntry.Kind.NATIONAL_DAY) {
                overriddenYearKinds.add(entry.date().getYear() + ":" + entry.kind());
            }
        }
        List<ScheduleEntry> merged = new ArrayList<>(override.entries);
        for (ScheduleEntry entry : entries) {
            if (!overriddenDates.contains(entry.date())
                    && !overriddenYearKinds.contains(entry.date().getYear() + ":" + entry.kind())) {
                merged.add(entry);
            }
        }
        return new HolidaySchedule(merged);
    }

    public List<ScheduleEntry> entries() {
        return entries;
    }

    public List<ScheduleEntry> entries(int year, ScheduleEntry.Kind kind) {
        return entries.stream().filter(e -> e.date().getYear() == year && e.kind() == kind).toList();
    }

    public List<ScheduleEntry> entries(int year) {
        return entries.stream().filter(e -> e.date().getYear() == year).toList();
    }
}
