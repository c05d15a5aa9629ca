package vn.motcua.counter.application.port;

import java.util.OptionalInt;
import vn.motcua.counter.domain.DossierCode;

/** Read-side questions about dossiers: lists, search, and what the capture work adds for search. */
public interface DossierQueries {

    /** The catalogue version the dossier was received under; empty for an unknown dossier. */
    OptionalInt procedureVersion(DossierCode code);
}
