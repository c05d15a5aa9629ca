package vn.motcua.counter.ui.home;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.DossierList;
import vn.motcua.counter.application.DossierLists;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The home screen: one of the working lists (today, due soon, overdue, ready to return) or the results of a search.
 * A non-blank search replaces the list; clearing it brings the chosen list back.
 */
public final class HomeViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HomeViewModel.class);

    private final DossierLists lists;
    private final Messages messages;
    private final UiExecutors executors;
    private final ObservableList<DossierSummary> rows = FXCollections.observableArrayList();
    private final ObjectProperty<DossierList> list = new SimpleObjectProperty<>(DossierList.TODAY);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** Answers of older requests are dropped, so fast typing never shows a stale result. */
    private long request;
    /** The request whose answer the rows show. */
    private long shown;
    /** What to do once the rows answer the latest request (Enter typed before the search came back). */
    private Runnable whenShown;

    public HomeViewModel(DossierLists lists, Messages messages, UiExecutors executors) {
        this.lists = lists;
        this.messages = messages;
        this.executors = executors;
        list.addListener((obs, old, now) -> {
            if (search.get().isEmpty()) {
                refresh();
            } else {
                search.set(""); // which refreshes
            }
        });
        search.addListener((obs, old, now) -> refresh());
    }

    /** The rows shown: the chosen list, or the search results. */
    public ObservableList<DossierSummary> rows() {
        return rows;
    }

    public ObjectProperty<DossierList> listProperty() {
        return list;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows {@code chosen} (Ctrl+1…4), or refreshes it when it is already shown. */
    public void show(DossierList chosen) {
        if (list.get() == chosen && search.get().isBlank()) {
            refresh();
        } else {
            list.set(chosen);
        }
    }

    public void refresh() {
        String query = search.get().strip();
        DossierList chosen = list.get();
        Supplier<List<DossierSummary>> work = query.isEmpty() ? () -> lists.list(chosen) : () -> lists.search(query);
        long mine = ++request;
        executors.run(work, found -> {
            if (mine != request) {
                return;
            }
            rows.setAll(found);
            summary.set(query.isEmpty() ? listSummary(chosen, found.size())
                    : messages.text("home.search.count", found.size(), query));
            error.set("");
            shown = mine;
            Runnable then = whenShown;
            whenShown = null;
            if (then != null) {
                then.run();
            }
        }, failure -> {
            LOG.warn("listing dossiers failed: {}", failure.toString());
            error.set(messages.describe(failure));
        });
    }

    /** Runs {@code action} on the rows of what is typed now: at once, or when its search answers. */
    public void whenShown(Runnable action) {
        if (shown == request) {
            action.run();
        } else {
            whenShown = action;
        }
    }

    private String listSummary(DossierList chosen, int count) {
        return count == 0 ? messages.text("home.list.empty." + chosen.name()) : messages.text("home.count", count);
    }
}
