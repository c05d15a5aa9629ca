package vn.motcua.counter.domain;

import java.util.List;

/** The paper the applicant handed in for one component of the dossier, as the pages captured from it. */
public record Document(ComponentRequirement component, List<Page> pages) {

    public Document {
        pages = List.copyOf(pages);
    }

    public boolean isCaptured() {
        return !pages.isEmpty();
    }
}
