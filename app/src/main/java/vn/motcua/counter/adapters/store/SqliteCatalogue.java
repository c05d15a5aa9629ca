package vn.motcua.counter.adapters.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.port.Catalogue;
import vn.motcua.counter.domain.Procedure;

/** The procedure catalogue in the SQLite file; each procedure is kept whole as JSON beside its searchable columns. */
public final class SqliteCatalogue implements Catalogue {

    private final Database db;
    private final ObjectMapper mapper = new ObjectMapper();

    public SqliteCatalogue(Database db) {
        this.db = db;
    }

    @Override
    public List<Procedure> procedures() {
        return db.read(c -> {
            List<Procedure> all = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT definition_json FROM procedures ORDER BY name");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    all.add(fromJson(rs.getString(1)));
                }
            }
            return all;
        });
    }

    @Override
    public Optional<Procedure> procedure(String code) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT definition_json FROM procedures WHERE code = ?")) {
                st.setString(1, code);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean isEmpty() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM procedures)");
                 ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    @Override
    public void importProcedures(List<Procedure> procedures) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO procedures (code, name, field, processing_days, definition_json) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, field = excluded.field,
                        processing_days = excluded.processing_days, definition_json = excluded.definition_json""")) {
                for (Procedure p : procedures) {
                    st.setString(1, p.code());
                    st.setString(2, p.name());
                    st.setString(3, p.field());
                    if (p.processingTime() == null) {
                        st.setNull(4, Types.INTEGER);
                    } else {
                        st.setInt(4, p.processingTime().workingDays());
                    }
                    st.setString(5, toJson(p));
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    private String toJson(Procedure procedure) {
        try {
            return mapper.writeValueAsString(procedure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write procedure " + procedure.code(), e);
        }
    }

    private Procedure fromJson(String json) {
        try {
            return mapper.readValue(json, Procedure.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored procedure is unreadable", e);
        }
    }
}
