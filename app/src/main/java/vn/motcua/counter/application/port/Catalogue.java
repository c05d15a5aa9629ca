package vn.motcua.counter.application.port;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.motcua.counter.domain.Procedure;

/**
 * The procedure catalogue (danh mục thủ tục hành chính) the counter receives dossiers for. Every definition a
 * procedure has had is kept as a numbered version; a dossier records the version it was received under.
 */
public interface Catalogue {

    /** The current version of every procedure. */
    List<Procedure> procedures();

    Optional<Procedure> procedure(String code);

    /** A procedure as it was defined in {@code version} (1 is the first import). */
    Optional<Procedure> procedure(String code, int version);

    OptionalInt currentVersion(String code);

    /** Procedures whose code, name or field contain every word of {@code query}, ignoring case and diacritics. */
    List<Procedure> search(String query);

    boolean isEmpty();

    /** Grows with every import that adds or changes a procedure, so a screen can tell its list is out of date. */
    int revision();

    /**
     * Imports a whole catalogue in one transaction: a procedure whose definition changed gets a new version, the
     * old versions stay. Procedures missing from the list are left as they are.
     *
     * @param source the file's name, kept with each new version
     */
    CatalogueImport importProcedures(List<Procedure> procedures, String source);
}
