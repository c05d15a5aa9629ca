package vn.motcua.counter.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.DossierList;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/** The home screen's lists and search without a window, on a real counter. */
class HomeViewModelTest {

    @TempDir
    Path data;

    private CounterWiring counter;
    private HomeViewModel model;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        model = new HomeViewModel(counter.lists(), Messages.of(Locale.forLanguageTag("vi-VN")),
                new UiExecutors(Runnable::run, Runnable::run));
    }

    @AfterEach
    void close() {
        counter.close();
    }

    @Test
    void searchReplacesTheListAndClearingBringsItBack() {
        var receipt = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        model.refresh();
        assertThat(model.rows()).hasSize(1);
        assertThat(model.summaryProperty().get()).isEqualTo("1 hồ sơ");

        model.searchProperty().set("hong nhung");
        assertThat(model.rows()).extracting(DossierSummary::code).containsExactly(receipt.dossier().code().value());
        assertThat(model.summaryProperty().get()).isEqualTo("1 hồ sơ khớp với \"hong nhung\"");
        model.searchProperty().set("khong co ai");
        assertThat(model.rows()).isEmpty();

        model.searchProperty().set("");
        assertThat(model.rows()).hasSize(1);
    }

    @Test
    void choosingAListClearsTheSearchAndSaysWhenItIsEmpty() {
        counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        model.searchProperty().set("nhung");
        model.show(DossierList.OVERDUE);
        assertThat(model.searchProperty().get()).isEmpty();
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("Không có hồ sơ quá hạn.");
        model.show(DossierList.TODAY);
        assertThat(model.rows()).hasSize(1);
    }
}
