package vn.motcua.counter.adapters.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.counter.adapters.csv.CsvRecords;
import vn.motcua.counter.adapters.csv.CsvRecords.Row;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.Procedure;

/**
 * Reads the catalogue as a spreadsheet export: the JSON sample's fields, one row per component.
 * <pre>
 * code,name_vi,field,processing_time,component,ban_chinh,ban_sao,note
 * 1.004873,Thủ tục cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,03 ngày làm việc,Tờ khai …,1,0,
 * ,,,,Giấy tờ chứng minh …,0,1,
 * </pre>
 * A procedure's columns are given on its first row and left empty (or repeated) on the rows of its further
 * components. Columns are found by their header names, in any order; {@code code}, {@code name_vi} and
 * {@code component} are required.
 */
public final class CsvCatalogueReader {

    static final List<String> REQUIRED = List.of("code", "name_vi", "component");

    /** @throws vn.motcua.counter.application.InvalidFileException listing every problem with its line */
    public List<Procedure> read(String text, String fileName) {
        CatalogueBuilder catalogue = new CatalogueBuilder().strictProcessingTime();
        List<Row> rows;
        try {
            rows = CsvRecords.parse(text);
        } catch (CsvRecords.UnclosedQuote e) {
            catalogue.problem(0, e.line(), "file.problem.unclosed_quote");
            return catalogue.build(fileName);
        }
        rows = rows.stream().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) {
            return catalogue.build(fileName);
        }
        Map<String, Integer> columns = header(rows.getFirst(), catalogue);
        if (columns == null) {
            return catalogue.build(fileName);
        }
        int record = 0;
        Row first = null;
        List<ComponentRequirement> components = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            String code = value(row, columns, "code");
            boolean continuation = first != null && (code.isEmpty() || code.equals(value(first, columns, "code")));
            if (!continuation) {
                if (first != null) {
                    add(catalogue, record, first, columns, components);
                }
                record++;
                first = row;
                components = new ArrayList<>();
            }
            if (!value(row, columns, "component").isEmpty()) {
                components.add(catalogue.component(record, row.line(), value(row, columns, "component"),
                        count(catalogue, record, row, columns, "ban_chinh"),
                        count(catalogue, record, row, columns, "ban_sao"), value(row, columns, "note")));
            }
        }
        if (first != null) {
            add(catalogue, record, first, columns, components);
        }
        return catalogue.build(fileName);
    }

    private static void add(CatalogueBuilder catalogue, int record, Row first, Map<String, Integer> columns,
                            List<ComponentRequirement> components) {
        catalogue.procedure(record, first.line(), value(first, columns, "code"), value(first, columns, "name_vi"),
                value(first, columns, "field"), value(first, columns, "processing_time"), components);
    }

    private static Map<String, Integer> header(Row row, CatalogueBuilder catalogue) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            columns.putIfAbsent(row.field(i).toLowerCase(java.util.Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            catalogue.problem(0, row.line(), "file.problem.missing_columns", String.join(", ", missing));
            return null;
        }
        return columns;
    }

    private static String value(Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? "" : row.field(index);
    }

    private static Integer count(CatalogueBuilder catalogue, int record, Row row, Map<String, Integer> columns,
                                 String name) {
        String text = value(row, columns, name);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            catalogue.problem(record, row.line(), "file.problem.not_a_number", name, text);
            return 0;
        }
    }
}
