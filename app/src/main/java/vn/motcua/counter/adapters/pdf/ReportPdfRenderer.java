package vn.motcua.counter.adapters.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.i18n.Messages;

/** The counter report on one A4 page: the figures as a table, then bar charts of progress, digitization, ratings. */
public final class ReportPdfRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final float BODY = 11f;
    private static final float ROW = 17f;
    private static final Color BLUE = new Color(0x1f, 0x6f, 0xeb);
    private static final Color GREEN = new Color(0x2d, 0xa4, 0x4e);
    private static final Color RED = new Color(0xcf, 0x22, 0x2e);
    private static final Color AMBER = new Color(0xbf, 0x87, 0x00);
    private static final Color TRACK = new Color(0xea, 0xee, 0xf2);

    private ReportPdfRenderer() {
    }

    public static byte[] render(CounterReport report, Messages messages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(messages.text("report.title"));
            document.getDocumentInformation().setCreator("Motcua Counter");
            try (PdfCanvas canvas = new PdfCanvas(document)) {
                draw(canvas, report, messages);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the counter report", e);
        }
    }

    private static void draw(PdfCanvas c, CounterReport r, Messages m) throws IOException {
        float left = PdfCanvas.MARGIN_LEFT;
        float right = c.width - PdfCanvas.MARGIN_RIGHT;
        c.centred(c.bold, 14, c.width / 2, 70, m.text("report.title").toUpperCase(m.locale()));
        c.centred(c.italic, BODY, c.width / 2, 90, m.text("report.period", r.from().format(DAY), r.to().format(DAY)));
        c.centred(c.regular, BODY, c.width / 2, 106, m.text("report.agency") + ": " + r.agencyCode() + " · "
                + m.text("report.generated_at") + ": " + r.generatedAt().format(TIME));

        float y = 136;
        for (CounterReport.Figure f : r.figures()) {
            c.text(c.regular, BODY, left, y, m.label(f));
            c.rightAligned(c.bold, BODY, right, y, m.value(f));
            c.line(left, y + 5, right, y + 5, 0.3f);
            y += ROW;
        }

        y += 20;
        c.text(c.bold, 12, left, y, m.text("report.chart.progress"));
        y = columns(c, m, left, y + 30, right - left, List.of(
                new Bar(m.text("report.received"), r.received(), BLUE),
                new Bar(m.text("report.resolved_on_time"), r.resolvedOnTime(), GREEN),
                new Bar(m.text("report.resolved_late"), r.resolvedLate(), AMBER),
                new Bar(m.text("report.overdue_now"), r.overdueNow(), RED)));

        y += 24;
        c.text(c.bold, 12, left, y, m.text("report.chart.digitization"));
        y = percentBar(c, m, left, y + 14, right, m.text("report.component_rate"), r.componentDigitizationRate());
        y = percentBar(c, m, left, y, right, m.text("report.result_rate"), r.resultDigitizationRate());

        y += 16;
        c.text(c.bold, 12, left, y, m.text("report.chart.satisfaction"));
        y += 14;
        if (r.satisfaction().isEmpty()) {
            c.text(c.italic, BODY, left, y + 10, m.text("report.no_ratings"));
        }
        for (var rating : r.satisfaction().entrySet()) {
            double share = r.ratings() == 0 ? 0 : 100.0 * rating.getValue() / r.ratings();
            y = percentBar(c, m, left, y, right, rating.getKey() + " (" + m.count(rating.getValue()) + ")", share);
        }
    }

    private record Bar(String label, int value, Color colour) {
    }

    /** Vertical bars scaled to the largest; returns the top of what follows. */
    private static float columns(PdfCanvas c, Messages m, float left, float top, float width, List<Bar> bars)
            throws IOException {
        float height = 110;
        int max = Math.max(1, bars.stream().mapToInt(Bar::value).max().orElse(1));
        float slot = width / bars.size();
        float barWidth = slot * 0.5f;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float h = height * bar.value() / max;
            float x = left + i * slot + (slot - barWidth) / 2;
            c.filledRect(x, top + height - h, barWidth, Math.max(h, 0.5f), bar.colour());
            c.centred(c.bold, BODY, x + barWidth / 2, top + height - h - 4, m.count(bar.value()));
            c.centred(c.regular, 9.5f, x + barWidth / 2, top + height + 14, bar.label());
        }
        c.line(left, top + height, left + width, top + height, 0.6f);
        return top + height + 20;
    }

    /** A labelled horizontal bar of a percentage on a grey track. */
    private static float percentBar(PdfCanvas c, Messages m, float left, float top, float right, String label,
                                    double percent) throws IOException {
        float trackLeft = left + 210;
        float trackWidth = right - trackLeft - 50;
        c.text(c.regular, BODY, left, top + 9, label);
        c.filledRect(trackLeft, top, trackWidth, 11, TRACK);
        c.filledRect(trackLeft, top, (float) (trackWidth * Math.min(100, percent) / 100), 11, BLUE);
        c.rightAligned(c.bold, BODY, right, top + 9, m.percent(percent));
        return top + 20;
    }
}
