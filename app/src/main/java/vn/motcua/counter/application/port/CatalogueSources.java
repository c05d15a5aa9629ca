package vn.motcua.counter.application.port;

import java.nio.file.Path;
import java.util.List;
import vn.motcua.counter.domain.Agency;
import vn.motcua.counter.domain.Procedure;

/**
 * The province's catalogue files as IT staff hand them in. A file is read whole or refused with every problem's line
 * ({@code InvalidFileException}).
 */
public interface CatalogueSources {

    /** Procedures from a {@code .json} file (the national sample's shape) or a {@code .csv}. */
    List<Procedure> procedures(Path file);

    /** Agency codes with their effective dates, from a {@code .csv}. */
    List<Agency> agencies(Path file);
}
