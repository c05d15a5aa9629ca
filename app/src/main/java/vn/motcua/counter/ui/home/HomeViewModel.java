package vn.motcua.counter.ui.home;

import java.time.Clock;
import java.time.LocalDate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/** The home screen: the dossiers received today at this counter. */
public final class HomeViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HomeViewModel.class);

    private final DossierStore dossiers;
    private final Messages messages;
    private final UiExecutors executors;
    private final Clock clock;
    private final ObservableList<DossierSummary> today = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public HomeViewModel(DossierStore dossiers, Messages messages, UiExecutors executors, Clock clock) {
        this.dossiers = dossiers;
        this.messages = messages;
        this.executors = executors;
        this.clock = clock;
    }

    public ObservableList<DossierSummary> today() {
        return today;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void refresh() {
        executors.run(() -> dossiers.receivedOn(LocalDate.now(clock)), rows -> {
            today.setAll(rows);
            summary.set(rows.isEmpty() ? messages.text("home.empty") : messages.text("home.count", rows.size()));
            error.set("");
        }, failure -> {
            LOG.error("listing today's dossiers failed", failure);
            error.set(messages.describe(failure));
        });
    }
}
