package vn.motcua.counter.application;

import java.util.List;
import vn.motcua.counter.domain.Page;

/** Pages of an earlier dossier put into a component of the new one, kept so the history says where they came from. */
public record ReusedPages(String fromDossier, String documentName, String intoComponent, List<Page> pages) {

    public ReusedPages {
        pages = List.copyOf(pages);
    }
}
