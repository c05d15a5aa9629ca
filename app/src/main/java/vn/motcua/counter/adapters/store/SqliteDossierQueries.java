package vn.motcua.counter.adapters.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.OptionalInt;
import vn.motcua.counter.application.port.DossierQueries;
import vn.motcua.counter.domain.DossierCode;

/** Lists and search over the SQLite file (V3's folded names, FTS5 indexes and list indexes). */
public final class SqliteDossierQueries implements DossierQueries {

    private final Database db;

    public SqliteDossierQueries(Database db) {
        this.db = db;
        db.inTransaction(c -> {
            DossierIndex.backfill(c);
            return null;
        });
    }

    @Override
    public OptionalInt procedureVersion(DossierCode code) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT procedure_version FROM dossiers WHERE code = ?")) {
                st.setString(1, code.value());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return OptionalInt.empty();
                    }
                    int version = rs.getInt(1);
                    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
                }
            }
        });
    }
}
