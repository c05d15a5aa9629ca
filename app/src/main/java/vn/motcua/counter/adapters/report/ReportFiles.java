package vn.motcua.counter.adapters.report;

import vn.motcua.counter.adapters.csv.ReportCsvWriter;
import vn.motcua.counter.adapters.pdf.ReportPdfRenderer;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.application.port.ReportRenderer;
import vn.motcua.counter.i18n.Messages;

/** The report's files, labelled in the counter's language. */
public final class ReportFiles implements ReportRenderer {

    private final Messages messages;

    public ReportFiles(Messages messages) {
        this.messages = messages;
    }

    @Override
    public byte[] render(CounterReport report, Format format) {
        return switch (format) {
            case CSV -> ReportCsvWriter.write(report, messages);
            case PDF -> ReportPdfRenderer.render(report, messages);
        };
    }
}
