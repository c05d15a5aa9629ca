package vn.motcua.counter.adapters.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.motcua.counter.application.InvalidFileException;
import vn.motcua.counter.application.InvalidFileException.Problem;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.domain.ProcessingTime;

/**
 * Collects the procedures of one catalogue file and every problem in it, whatever the file's format, so a file is
 * taken whole or refused whole with all its problems listed.
 */
final class CatalogueBuilder {

    /**
     * A province's CSV states the limit in a column of its own, so a value that is not a limit ("abc", "-5") is a
     * mistake to show with its line; the national catalogue's JSON states it as prose, where an unknown phrase leaves
     * the limit for the clerk to set.
     */
    private boolean strictProcessingTime;

    CatalogueBuilder strictProcessingTime() {
        this.strictProcessingTime = true;
        return this;
    }


    /**
     * National code {@code 1.001193}, optionally with a province's suffix ({@code 1.004873.000.00.00.H14}), the forms
     * the national database and provincial portals use.
     */
    private static final Pattern CODE = Pattern.compile("\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?");

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> firstRecordOf = new HashMap<>();
    private final List<Procedure> procedures = new ArrayList<>();

    void problem(int record, int line, String messageKey, Object... arguments) {
        problems.add(Problem.of(record, line, messageKey, arguments));
    }

    /** A component, or null (with a problem noted) when it has no name or a negative count. */
    ComponentRequirement component(int record, int line, String name, Integer originals, Integer copies, String note) {
        if (name == null || name.isBlank()) {
            problem(record, line, "file.problem.missing", "component");
            return null;
        }
        if ((originals != null && originals < 0) || (copies != null && copies < 0)) {
            problem(record, line, "file.problem.negative_count", name);
            return null;
        }
        return new ComponentRequirement(name.strip(), originals, copies, blankToNull(note));
    }

    void procedure(int record, int line, String code, String name, String field, String processingTime,
                   List<ComponentRequirement> components) {
        boolean ok = true;
        if (code == null || code.isBlank()) {
            problem(record, line, "file.problem.missing", "code");
            ok = false;
        } else if (!CODE.matcher(code.strip()).matches()) {
            problem(record, line, "file.problem.bad_procedure_code", code);
            ok = false;
        } else if (firstRecordOf.putIfAbsent(code.strip(), record) != null) {
            problem(record, line, "file.problem.duplicate_code", code, firstRecordOf.get(code.strip()));
            ok = false;
        }
        if (name == null || name.isBlank()) {
            problem(record, line, "file.problem.missing", "name_vi");
            ok = false;
        }
        String limitText = blankToNull(processingTime);
        ProcessingTime limit = null;
        if (limitText != null && strictProcessingTime) {
            limit = limitText.strip().matches("\\d+") ? ProcessingTime.ofWorkingDays(
                    Integer.parseInt(limitText.strip())) : JsonCatalogueReader.processingTime(limitText);
            // prose the reader cannot use ("abc") or a negative number ("-5", "-5 ngày") is refused, not dropped
            if (limit == null || limitText.split(";", 2)[0].matches(".*-\\s*\\d.*")) {
                problem(record, line, "file.problem.bad_processing_time", limitText);
                ok = false;
            }
        } else {
            limit = JsonCatalogueReader.processingTime(limitText); // the national catalogue's prose: unknown → unset
        }
        if (ok && components.stream().allMatch(c -> c != null)) {
            procedures.add(new Procedure(code.strip(), name.strip(), blankToNull(field), limit, components));
        }
    }

    /** The procedures, or every problem at once. */
    List<Procedure> build(String file) {
        if (problems.isEmpty() && procedures.isEmpty()) {
            problem(0, 0, "file.problem.empty");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(file, problems);
        }
        return List.copyOf(procedures);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
