package vn.motcua.counter.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A counter's share of the service-quality index (Decision 766/QĐ-TTg) for a period: dossiers received, resolved on
 * time or late, overdue now, digitization of components and results, and satisfaction ratings.
 *
 * @param componentsDigitized components of the period's dossiers with at least one captured page
 * @param results             results issued in the period; {@code resultsDigitized} of them have an electronic copy
 * @param satisfaction        number of ratings given in the period per rating label ("Hài lòng"), best first
 */
public record CounterReport(LocalDate from, LocalDate to, LocalDateTime generatedAt, String agencyCode,
                            int received, int resolvedOnTime, int resolvedLate, int overdueNow,
                            int components, int componentsDigitized, int results, int resultsDigitized,
                            Map<String, Integer> satisfaction) {

    public CounterReport {
        satisfaction = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(satisfaction));
    }

    /**
     * One line of the report: a message key ({@code report.*}) with an optional detail (the rating's label), and the
     * figure, a percentage when {@code percent}. The window, CSV and PDF all list these, in this order.
     */
    public record Figure(String key, String detail, double value, boolean percent) {

        /** The figure for scripts (CSV, JSON): integers without decimals, percentages with one, a decimal point. */
        public String formatted() {
            return percent ? String.format(java.util.Locale.ROOT, "%.1f", value) : String.valueOf((long) value);
        }
    }

    public java.util.List<Figure> figures() {
        java.util.List<Figure> figures = new java.util.ArrayList<>(java.util.List.of(
                count("report.received", received),
                count("report.resolved_on_time", resolvedOnTime),
                count("report.resolved_late", resolvedLate),
                new Figure("report.on_time_rate", null, onTimeRate(), true),
                count("report.overdue_now", overdueNow),
                count("report.components", components),
                count("report.components_digitized", componentsDigitized),
                new Figure("report.component_rate", null, componentDigitizationRate(), true),
                count("report.results", results),
                count("report.results_digitized", resultsDigitized),
                new Figure("report.result_rate", null, resultDigitizationRate(), true),
                count("report.ratings", ratings())));
        satisfaction.forEach((rating, n) -> figures.add(new Figure("report.rating", rating, n, false)));
        return figures;
    }

    private static Figure count(String key, int value) {
        return new Figure(key, null, value, false);
    }

    public int resolved() {
        return resolvedOnTime + resolvedLate;
    }

    /** Percentages, 0 when there is nothing to count. */
    public double onTimeRate() {
        return percent(resolvedOnTime, resolved());
    }

    public double componentDigitizationRate() {
        return percent(componentsDigitized, components);
    }

    public double resultDigitizationRate() {
        return percent(resultsDigitized, results);
    }

    public int ratings() {
        return satisfaction.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
