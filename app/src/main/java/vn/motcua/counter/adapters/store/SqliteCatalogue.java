package vn.motcua.counter.adapters.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.motcua.counter.application.port.Catalogue;
import vn.motcua.counter.application.port.CatalogueImport;
import vn.motcua.counter.domain.DiacriticFolding;
import vn.motcua.counter.domain.Procedure;

/**
 * The procedure catalogue in the SQLite file; each procedure is kept whole as JSON beside its searchable columns,
 * the current definition in {@code procedures} and every definition in {@code procedure_versions}.
 */
public final class SqliteCatalogue implements Catalogue {

    private final Database db;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public SqliteCatalogue(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<Procedure> procedures() {
        return db.read(c -> list(c, "SELECT definition_json FROM procedures ORDER BY name"));
    }

    @Override
    public Optional<Procedure> procedure(String code) {
        return db.read(c -> list(c, "SELECT definition_json FROM procedures WHERE code = ?", code)).stream().findFirst();
    }

    @Override
    public Optional<Procedure> procedure(String code, int version) {
        return db.read(c -> list(c, "SELECT definition_json FROM procedure_versions WHERE code = ? AND version = ?",
                code, version)).stream().findFirst();
    }

    @Override
    public int revision() {
        return db.read(c -> Rows.first(c, "SELECT count(*) FROM procedure_versions", rs -> rs.getInt(1)))
                .orElseThrow();
    }

    @Override
    public OptionalInt currentVersion(String code) {
        return db.read(c -> currentVersion(c, code));
    }

    /**
     * A catalogue has at most a few thousand procedures: folding them in memory is instant and needs no index.
     * Words match anywhere ("tu" is in "thủ tục"), so procedures holding the query as a phrase come first.
     */
    @Override
    public List<Procedure> search(String query) {
        String phrase = DiacriticFolding.fold(query);
        return procedures().stream()
                .filter(p -> DiacriticFolding.matches(p.code() + " " + p.name() + " " + p.field(), query))
                .sorted(Comparator.comparing(p -> !DiacriticFolding.fold(p.name()).contains(phrase)))
                .toList();
    }

    @Override
    public boolean isEmpty() {
        return db.read(c -> Rows.first(c, "SELECT NOT EXISTS (SELECT 1 FROM procedures)", rs -> rs.getBoolean(1)))
                .orElseThrow();
    }

    @Override
    public CatalogueImport importProcedures(List<Procedure> procedures, String source) {
        String now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        return db.inTransaction(c -> {
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            int unchanged = 0;
            for (Procedure p : procedures) {
                String json = toJson(p);
                Optional<String> currentJson = currentJson(c, p.code());
                if (currentJson.filter(json::equals).isPresent()) {
                    unchanged++;
                    continue;
                }
                int version = currentVersion(c, p.code()).orElse(0) + 1;
                try (PreparedStatement st = c.prepareStatement("""
                        INSERT INTO procedures (code, name, field, processing_days, definition_json, version)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name, field = excluded.field,
                            processing_days = excluded.processing_days, definition_json = excluded.definition_json,
                            version = excluded.version""")) {
                    bind(st, p, json, version);
                    st.executeUpdate();
                }
                try (PreparedStatement st = c.prepareStatement("""
                        INSERT INTO procedure_versions (code, name, field, processing_days, definition_json, version,
                            imported_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    bind(st, p, json, version);
                    st.setString(7, now);
                    st.setString(8, source);
                    st.executeUpdate();
                }
                (currentJson.isPresent() ? changed : added).add(p.code());
            }
            return new CatalogueImport(added, changed, unchanged);
        });
    }

    /** Binds the columns {@code procedures} and {@code procedure_versions} share, in their common order. */
    private static void bind(PreparedStatement st, Procedure p, String json, int version) throws SQLException {
        st.setString(1, p.code());
        st.setString(2, p.name());
        st.setString(3, p.field());
        if (p.processingTime() == null) {
            st.setNull(4, Types.INTEGER);
        } else {
            st.setInt(4, p.processingTime().workingDays());
        }
        st.setString(5, json);
        st.setInt(6, version);
    }

    private static OptionalInt currentVersion(Connection c, String code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT version FROM procedures WHERE code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static Optional<String> currentJson(Connection c, String code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT definition_json FROM procedures WHERE code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private List<Procedure> list(Connection c, String sql, Object... parameters) throws SQLException {
        return Rows.list(c, sql, rs -> fromJson(rs.getString(1)), parameters);
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
