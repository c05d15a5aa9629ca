package vn.motcua.counter.ui.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.CounterReports;
import vn.motcua.counter.application.LifecycleService;
import vn.motcua.counter.application.port.ReportRenderer;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;
import vn.motcua.counter.application.FailureLog;

/** The counter report screen: a period (this month by default), its figures and charts, and the exports. */
public final class ReportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReportViewModel.class);

    private final CounterReports reports;
    private final LifecycleService lifecycle;
    private final CounterProfile counter;
    private final Messages messages;
    private final UiExecutors executors;
    private final Path folder;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<CounterReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CounterReport.Figure> figures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /**
     * @param lifecycle issues the tracking book (form 07) of the chosen period for {@code counter}
     * @param folder where exports are written (the data folder's {@code reports})
     */
    public ReportViewModel(CounterReports reports, LifecycleService lifecycle, CounterProfile counter,
                           Messages messages, UiExecutors executors, Clock clock, Path folder) {
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.counter = counter;
        this.messages = messages;
        this.executors = executors;
        this.folder = folder;
        LocalDate today = LocalDate.now(clock);
        from.set(today.withDayOfMonth(1));
        to.set(today);
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyObjectProperty<CounterReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<CounterReport.Figure> figures() {
        return figures;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void show() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        executors.run(() -> reports.report(first, last), done -> {
            report.set(done);
            figures.setAll(done.figures());
            message.set("");
        }, this::failed);
    }

    /** Writes the report shown as {@code bao-cao-FROM-TO.csv|pdf} in the reports folder, then hands the file on. */
    public void export(ReportRenderer.Format format, Consumer<Path> written) {
        CounterReport shown = report.get();
        if (shown == null) {
            return;
        }
        Path file = folder.resolve("bao-cao-" + shown.from() + "-" + shown.to() + "."
                + format.name().toLowerCase(Locale.ROOT));
        executors.run(() -> {
            reports.export(shown, format, file);
            return file;
        }, done -> {
            message.set(messages.text("report.written", done));
            written.accept(done);
        }, this::failed);
    }

    /**
     * Issues the tracking book (form 07, sổ theo dõi hồ sơ) of the dossiers received in the chosen period, kept with
     * the counter's forms and written as {@code so-theo-doi-FROM-TO.pdf} in the reports folder; {@code issued} then
     * gets the PDF for the print preview.
     */
    public void trackingBook(Consumer<byte[]> issued) {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null) {
            message.set(messages.text("report.bad_period", first, last));
            return;
        }
        Path file = folder.resolve("so-theo-doi-" + first + "-" + last + ".pdf");
        executors.run(() -> {
            byte[] pdf = lifecycle.pdf(lifecycle.trackingBook(first, last, counter));
            reports.save(pdf, file);
            return pdf;
        }, pdf -> {
            message.set(messages.text("report.trackingBook.written", file));
            issued.accept(pdf);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        FailureLog.log(LOG, "counter report failed", failure);
        message.set(messages.describe(failure));
    }
}
