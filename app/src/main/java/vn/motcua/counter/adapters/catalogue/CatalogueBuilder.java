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

/**
 * Collects the procedures of one catalogue file and every problem in it, whatever the file's format, so a file is
 * taken whole or refused whole with all its problems listed.
 */
final class CatalogueBuilder {

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
        if (ok && components.stream().allMatch(c -> c != null)) {
            procedures.add(new Procedure(code.strip(), name.strip(), blankToNull(field),
                    JsonCatalogueReader.processingTime(blankToNull(processingTime)), components));
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
