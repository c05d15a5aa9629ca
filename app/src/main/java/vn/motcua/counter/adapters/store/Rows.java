package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one way the store reads rows: bind the parameters in order, map each row (or the first only). */
final class Rows {

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Rows() {
    }

    static <T> List<T> list(Connection c, String sql, Reader<T> reader, Object... parameters) throws SQLException {
        return read(c, sql, reader, Integer.MAX_VALUE, parameters);
    }

    /**
     * The first row, mapped; empty when there is none or {@code reader} maps it to null (a NULL column). Also the
     * way to run an {@code INSERT … RETURNING} of one row.
     */
    static <T> Optional<T> first(Connection c, String sql, Reader<T> reader, Object... parameters)
            throws SQLException {
        List<T> rows = read(c, sql, reader, 1, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            return st.executeUpdate();
        }
    }

    private static <T> List<T> read(Connection c, String sql, Reader<T> reader, int limit, Object... parameters)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rows.size() < limit && rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }
}
