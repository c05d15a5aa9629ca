package vn.motcua.counter.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.port.ReportRenderer;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

class ReportViewModelTest {

    @TempDir
    Path data;

    @Test
    void showsThisMonthAndExportsWhatIsShown() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
            Path folder = data.resolve("reports");
            ReportViewModel model = new ReportViewModel(counter.reports(), counter.lifecycle(), counter.profile(),
                    Messages.of(Locale.forLanguageTag("vi-VN")),
                    new UiExecutors(Runnable::run, Runnable::run), SaveLoopClock.DAY, folder);
            assertThat(model.fromProperty().get()).isEqualTo(LocalDate.of(2026, 11, 1));
            model.show();
            assertThat(model.reportProperty().get().received()).isEqualTo(1);
            assertThat(model.figures()).first().satisfies(f -> assertThat(f.key()).isEqualTo("report.received"));

            List<Path> opened = new ArrayList<>();
            model.export(ReportRenderer.Format.CSV, opened::add);
            Path csv = folder.resolve("bao-cao-2026-11-01-2026-11-24.csv");
            assertThat(opened).containsExactly(csv);
            assertThat(Files.readString(csv)).contains("received,Hồ sơ tiếp nhận,1");
            assertThat(model.messageProperty().get()).startsWith("Đã lưu báo cáo");

            model.toProperty().set(LocalDate.of(2026, 10, 1));
            model.show();
            assertThat(model.messageProperty().get()).contains("Kỳ báo cáo không hợp lệ");
        }
    }
}
