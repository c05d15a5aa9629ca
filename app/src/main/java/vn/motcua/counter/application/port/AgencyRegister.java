package vn.motcua.counter.application.port;

import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.Agency;

/** Agency codes with their effective dates; reception refuses a code that is not in force that day. */
public interface AgencyRegister {

    /** Adds or replaces the given agencies in one transaction. */
    void importAgencies(List<Agency> agencies);

    Optional<Agency> agency(String code);
}
