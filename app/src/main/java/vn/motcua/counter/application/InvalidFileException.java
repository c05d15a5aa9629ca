package vn.motcua.counter.application;

import java.util.List;

/**
 * A data file (catalogue, agency list) refused as a whole: every problem found, each with the record and line it is
 * on, so IT staff can fix the file in one go. Nothing of the file was stored.
 */
public final class InvalidFileException extends CounterException {

    /**
     * @param record    1-based record number (a JSON list item or a CSV data row)
     * @param line      1-based line of the file where the record starts, 0 when the format has no lines (JSON)
     * @param messageKey what is wrong ({@code file.problem.*}), with its arguments
     */
    public record Problem(int record, int line, String messageKey, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public static Problem of(int record, int line, String messageKey, Object... arguments) {
            return new Problem(record, line, messageKey, List.of(arguments));
        }
    }

    private final List<Problem> problems;

    public InvalidFileException(String file, List<Problem> problems) {
        super("file.invalid", file, problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
