package vn.motcua.counter.ui.report;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.application.port.ReportRenderer;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.DialogService;
import vn.motcua.counter.ui.PrintService;

/** The counter report: period, figures, charts of progress, digitization and satisfaction, and the exports. */
public final class ReportView extends BorderPane {

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Counts of dossiers: whole numbers on the axis, never 0,5 of a dossier. */
    private final NumberAxis counts = new NumberAxis();
    private final BarChart<String, Number> progress = new BarChart<>(new CategoryAxis(), counts);
    private final NumberAxis percents = new NumberAxis(0, 100, 20);
    private final BarChart<String, Number> digitization = new BarChart<>(new CategoryAxis(), percents);
    private final PieChart satisfaction = new PieChart();
    private final Messages messages;

    public ReportView(ReportViewModel model, Messages messages, DialogService dialogs, PrintService printing,
                      Runnable close) {
        this.messages = messages;
        Label title = new Label(messages.text("report.title"));
        title.getStyleClass().add("title-3");
        DatePicker from = new DatePicker();
        from.setId("reportFrom");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("reportTo");
        to.valueProperty().bindBidirectional(model.toProperty());
        Button show = new Button(messages.text("report.show"));
        show.setId("showReport");
        show.setDefaultButton(true);
        show.setOnAction(e -> model.show());
        Button csv = new Button(messages.text("report.export.csv"));
        csv.setId("exportCsv");
        csv.setOnAction(e -> model.export(ReportRenderer.Format.CSV, dialogs::open));
        Button pdf = new Button(messages.text("report.export.pdf"));
        pdf.setId("exportPdf");
        pdf.setOnAction(e -> model.export(ReportRenderer.Format.PDF, dialogs::open));
        Button book = new Button(messages.text("report.trackingBook"));
        book.setId("trackingBook");
        book.setOnAction(e -> model.trackingBook(issued -> printing.preview(getScene().getWindow(),
                messages.text("report.trackingBook.title", DAY.format(model.fromProperty().get()),
                        DAY.format(model.toProperty().get())), issued)));
        Button back = new Button(messages.text("report.close"));
        back.setCancelButton(true);
        back.setOnAction(e -> close.run());
        for (DatePicker picker : java.util.List.of(from, to)) {
            picker.setConverter(new javafx.util.converter.LocalDateStringConverter(DAY, DAY));
            picker.setPrefWidth(150);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, new Label(messages.text("report.from")), from,
                new Label(messages.text("report.to")), to, show, spacer, book, csv, pdf, back);
        bar.getChildren().forEach(node -> {
            if (node instanceof Region region && !(node instanceof DatePicker) && node != spacer) {
                region.setMinWidth(Region.USE_PREF_SIZE); // labels and buttons keep their text whole
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(10, title, bar);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<CounterReport.Figure> table = new TableView<>(model.figures());
        table.setId("reportFigures");
        TableColumn<CounterReport.Figure, String> label = new TableColumn<>(messages.text("report.column.figure"));
        label.setCellValueFactory(cell -> new ReadOnlyStringWrapper(messages.label(cell.getValue())));
        label.setPrefWidth(250);
        TableColumn<CounterReport.Figure, String> value = new TableColumn<>(messages.text("report.column.value"));
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(messages.value(cell.getValue())));
        value.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(label);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefWidth(410);
        value.setMinWidth(90); // "100,0 %" whole

        counts.setAutoRanging(false);
        counts.setMinorTickVisible(false);
        counts.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return messages.count(n.longValue());
            }

            @Override
            public Number fromString(String text) {
                return null;
            }
        });
        percents.setMinorTickVisible(false);
        percents.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.intValue() + " %";
            }

            @Override
            public Number fromString(String text) {
                return null;
            }
        });
        progress.setTitle(messages.text("report.chart.progress"));
        digitization.setTitle(messages.text("report.chart.digitization"));
        satisfaction.setTitle(messages.text("report.chart.satisfaction"));
        for (var chart : java.util.List.of(progress, digitization)) {
            chart.setLegendVisible(false);
            chart.setAnimated(false);
        }
        satisfaction.setAnimated(false);
        progress.setId("progressChart");
        satisfaction.setId("satisfactionChart");
        GridPane charts = new GridPane(12, 12);
        charts.add(progress, 0, 0, 2, 1);
        charts.add(digitization, 0, 1);
        charts.add(satisfaction, 1, 1);
        HBox body = new HBox(16, table, charts);
        HBox.setHgrow(charts, Priority.ALWAYS);
        setCenter(body);

        Label message = new Label();
        message.setId("reportMessage");
        message.textProperty().bind(model.messageProperty());
        BorderPane.setMargin(message, new Insets(8, 0, 0, 0));
        setBottom(message);
        setPadding(new Insets(16));

        model.reportProperty().addListener((obs, old, report) -> chart(report));
        setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.E) {
                csv.fire();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.D) {
                pdf.fire();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.T) {
                book.fire();
            }
        });
    }

    private void chart(CounterReport r) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.getData().add(new XYChart.Data<>(messages.text("report.received"), r.received()));
        series.getData().add(new XYChart.Data<>(messages.text("report.resolved_on_time"), r.resolvedOnTime()));
        series.getData().add(new XYChart.Data<>(messages.text("report.resolved_late"), r.resolvedLate()));
        series.getData().add(new XYChart.Data<>(messages.text("report.overdue_now"), r.overdueNow()));
        progress.getData().setAll(java.util.List.of(series));
        scaleCounts(Math.max(Math.max(r.received(), r.resolvedOnTime()), Math.max(r.resolvedLate(), r.overdueNow())));
        XYChart.Series<String, Number> rates = new XYChart.Series<>();
        rates.getData().add(new XYChart.Data<>(messages.text("report.components"), r.componentDigitizationRate()));
        rates.getData().add(new XYChart.Data<>(messages.text("report.results"), r.resultDigitizationRate()));
        digitization.getData().setAll(java.util.List.of(rates));
        satisfaction.setTitle(messages.text("report.chart.satisfaction")
                + (r.satisfaction().isEmpty() ? "\n" + messages.text("report.no_ratings") : ""));
        satisfaction.getData().setAll(r.satisfaction().entrySet().stream()
                .map(e -> new PieChart.Data(e.getKey() + " (" + messages.count(e.getValue()) + ")", e.getValue()))
                .toList());
    }

    /** The count axis from 0 past the largest bar, in whole steps of 1, 2, 5, 10, 20, 50… with at most ten ticks. */
    private void scaleCounts(int largest) {
        long step = 1;
        for (long base = 1; largest / step > 10; base *= 10) {
            step = largest / base <= 20 ? 2 * base : largest / base <= 50 ? 5 * base : 10 * base;
        }
        counts.setLowerBound(0);
        counts.setTickUnit(step);
        counts.setUpperBound(Math.max(step, (largest / step + 1) * step));
    }
}
