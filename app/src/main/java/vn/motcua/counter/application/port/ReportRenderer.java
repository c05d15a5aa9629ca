package vn.motcua.counter.application.port;

import vn.motcua.counter.application.CounterReport;

/** Writes a counter report for supervisors: CSV for spreadsheets, PDF for printing and filing. */
public interface ReportRenderer {

    enum Format { CSV, PDF }

    byte[] render(CounterReport report, Format format);
}
