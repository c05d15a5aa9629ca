package vn.motcua.counter.adapters.catalogue;

import java.nio.file.Path;
import java.util.List;
import vn.motcua.counter.application.port.CatalogueSources;
import vn.motcua.counter.domain.Agency;
import vn.motcua.counter.domain.Procedure;

/** {@link CatalogueSources} by this package's JSON, CSV and agency readers. */
public final class CatalogueFileSources implements CatalogueSources {

    @Override
    public List<Procedure> procedures(Path file) {
        return CatalogueFiles.read(file);
    }

    @Override
    public List<Agency> agencies(Path file) {
        return AgencyFileReader.read(file);
    }
}
