package vn.motcua.counter.application.port;

import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.Procedure;

/** The procedure catalogue (danh mục thủ tục hành chính) the counter receives dossiers for. */
public interface Catalogue {

    List<Procedure> procedures();

    Optional<Procedure> procedure(String code);

    boolean isEmpty();

    void importProcedures(List<Procedure> procedures);
}
