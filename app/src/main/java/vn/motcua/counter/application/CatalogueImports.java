package vn.motcua.counter.application;

import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.domain.access.Permission;
import java.nio.file.Path;
import java.util.List;
import vn.motcua.counter.application.port.AgencyRegister;
import vn.motcua.counter.application.port.Catalogue;
import vn.motcua.counter.application.port.CatalogueImport;
import vn.motcua.counter.application.port.CatalogueSources;
import vn.motcua.counter.domain.Agency;

/** Importing the province's procedure catalogue and agency codes from files: whole, or refused with every problem. */
public final class CatalogueImports {

    private final CatalogueSources sources;
    private final Catalogue catalogue;
    private final AgencyRegister agencies;
    private final CurrentClerk clerk;

    /** @param clerk who is signed in: imports need {@link Permission#CATALOGUE} (an IT admin) */
    public CatalogueImports(CatalogueSources sources, Catalogue catalogue, AgencyRegister agencies,
                            CurrentClerk clerk) {
        this.clerk = java.util.Objects.requireNonNull(clerk, "who is signed in");
        this.sources = sources;
        this.catalogue = catalogue;
        this.agencies = agencies;
    }

    /** What a procedure import changed, and how many procedures the file held. */
    public record Imported(int procedures, CatalogueImport changes) {
    }

    /** @throws InvalidFileException listing every problem; nothing is imported then */
    public Imported importProcedures(Path file) {
        clerk.require(Permission.CATALOGUE);
        var procedures = sources.procedures(file);
        return new Imported(procedures.size(), catalogue.importProcedures(procedures, file.getFileName().toString()));
    }

    /** @throws InvalidFileException listing every problem; nothing is imported then */
    public List<Agency> importAgencies(Path file) {
        clerk.require(Permission.CATALOGUE);
        List<Agency> read = sources.agencies(file);
        agencies.importAgencies(read);
        return read;
    }
}
