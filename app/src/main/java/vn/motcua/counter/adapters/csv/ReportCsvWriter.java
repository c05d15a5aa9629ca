package vn.motcua.counter.adapters.csv;

import java.nio.charset.StandardCharsets;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.domain.DiacriticFolding;
import vn.motcua.counter.i18n.Messages;

/**
 * The report as CSV: {@code metric,label,value}, a stable metric name for scripts and the label in the clerk's
 * language. UTF-8 with a byte-order mark, which Excel needs to show Vietnamese correctly.
 */
public final class ReportCsvWriter {

    private ReportCsvWriter() {
    }

    public static byte[] write(CounterReport report, Messages messages) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("metric,label,value\r\n");
        row(csv, "agency", messages.text("report.agency"), report.agencyCode());
        row(csv, "from", messages.text("report.from"), report.from().toString());
        row(csv, "to", messages.text("report.to"), report.to().toString());
        row(csv, "generated_at", messages.text("report.generated_at"), report.generatedAt().toString());
        for (CounterReport.Figure f : report.figures()) {
            String metric = f.key().substring("report.".length()) + (f.detail() == null ? "" : "_" + slug(f.detail()));
            row(csv, metric, messages.label(f), f.formatted());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A rating's label as a metric name for scripts: "Không hài lòng" becomes {@code khong_hai_long}. */
    private static String slug(String label) {
        return DiacriticFolding.fold(label).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }

    private static void row(StringBuilder csv, String metric, String label, String value) {
        csv.append(quote(metric)).append(',').append(quote(label)).append(',').append(quote(value)).append("\r\n");
    }

    /** Quotes every field that needs it (RFC 4180), and defuses a leading = + - @ that a spreadsheet would run. */
    private static String quote(String field) {
        String safe = field.matches("^[=+\\-@].*") && !field.matches("-?\\d+(\\.\\d+)?") ? "'" + field : field;
        return safe.matches(".*[\",\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
