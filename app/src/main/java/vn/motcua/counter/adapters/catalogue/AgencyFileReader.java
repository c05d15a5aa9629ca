package vn.motcua.counter.adapters.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.motcua.counter.adapters.csv.CsvRecords;
import vn.motcua.counter.adapters.csv.CsvRecords.Row;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.InvalidFileException;
import vn.motcua.counter.application.InvalidFileException.Problem;
import vn.motcua.counter.domain.Agency;
import vn.motcua.counter.domain.AgencyCode;

/**
 * Reads agency codes in the shape of {@code agency-codes-sample.csv}:
 * {@code code,name_vi,level,valid_from,valid_to,source}, dates as yyyy-MM-dd, empty when open-ended. Refused whole
 * on any problem, like a catalogue.
 */
public final class AgencyFileReader {

    /** A level-1 code published alone, such as K57 (HĐND Thành phố Huế). */
    private static final Pattern LEVEL_ONE = Pattern.compile("[A-Z]\\d{2}");

    private AgencyFileReader() {
    }

    public static List<Agency> read(Path file) {
        String name = file.getFileName().toString();
        List<Row> rows;
        List<Problem> problems = new ArrayList<>();
        try {
            rows = CsvRecords.parse(CatalogueFiles.utf8(Files.readAllBytes(file), name));
        } catch (IOException e) {
            throw new CounterException("catalogue.unreadable", e, name);
        } catch (CsvRecords.UnclosedQuote e) {
            throw new InvalidFileException(name, List.of(Problem.of(0, e.line(), "file.problem.unclosed_quote")));
        }
        rows = rows.stream().filter(r -> !r.isBlank()).toList();
        List<Agency> agencies = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            Row row = rows.get(i);
            String code = row.field(0);
            if (!AgencyCode.isValid(code) && !LEVEL_ONE.matcher(code).matches()) {
                problems.add(Problem.of(i, row.line(), "file.problem.bad_agency_code", code));
            } else if (seen.putIfAbsent(code, i) != null) {
                problems.add(Problem.of(i, row.line(), "file.problem.duplicate_code", code, seen.get(code)));
            }
            if (row.field(1).isEmpty()) {
                problems.add(Problem.of(i, row.line(), "file.problem.missing", "name_vi"));
            }
            LocalDate from = date(row, 3, "valid_from", i, problems);
            LocalDate to = date(row, 4, "valid_to", i, problems);
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(Problem.of(i, row.line(), "file.problem.closed_before_open", to, from));
            }
            agencies.add(new Agency(code, row.field(1), row.field(2).matches("\\d+") ? Integer.valueOf(row.field(2))
                    : null, from, to));
        }
        if (agencies.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of(0, 0, "file.problem.empty"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(name, problems);
        }
        return agencies;
    }

    private static LocalDate date(Row row, int column, String name, int record, List<Problem> problems) {
        String text = row.field(column);
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(record, row.line(), "file.problem.bad_date", name, text));
            return null;
        }
    }
}
