package vn.motcua.counter.ui.reception;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Page;

/** One line of the component checklist with the pages captured for it so far. */
public final class ComponentItem {

    private final ComponentRequirement requirement;
    private final ObservableList<Page> pages = FXCollections.observableArrayList();
    private final IntegerBinding pageCount = Bindings.size(pages);

    ComponentItem(ComponentRequirement requirement) {
        this.requirement = requirement;
    }

    public ComponentRequirement requirement() {
        return requirement;
    }

    public ObservableList<Page> pages() {
        return pages;
    }

    public IntegerBinding pageCount() {
        return pageCount;
    }

    Document toDocument() {
        return new Document(requirement, pages);
    }
}
