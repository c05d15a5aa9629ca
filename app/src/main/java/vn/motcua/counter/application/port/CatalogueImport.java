package vn.motcua.counter.application.port;

import java.util.List;

/** What an import changed: new procedures, procedures that got a new version, and unchanged ones. */
public record CatalogueImport(List<String> added, List<String> changed, int unchanged) {

    public CatalogueImport {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
    }
}
