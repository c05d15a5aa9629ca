package vn.motcua.counter.adapters.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as exported by spreadsheets: quoted fields may hold commas, doubled quotes and line breaks; a UTF-8
 * byte-order mark is skipped. Each record keeps the line it starts on, so problems can be reported by line.
 */
public final class CsvRecords {

    public record Row(int line, List<String> fields) {

        public String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }

        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** Thrown for a quote that is never closed: everything after it would be one field. */
    public static final class UnclosedQuote extends Exception {
        private final int line;

        UnclosedQuote(int line) {
            super("unclosed quote from line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CsvRecords() {
    }

    public static List<Row> parse(String text) throws UnclosedQuote {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
                quoteLine = line;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                rows.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
                rowLine = ++line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new UnclosedQuote(quoteLine);
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }
}
