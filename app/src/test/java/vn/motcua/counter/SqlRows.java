package vn.motcua.counter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;

/** Reads rows straight from a counter's SQLite file, as text (NULL as ""), for assertions on what was saved. */
public final class SqlRows {

    private SqlRows() {
    }

    public static Connection open(Path dataDirectory) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve(CounterWiring.DATABASE_FILE));
    }

    /** Runs {@code sql} with {@code parameter} bound to its one {@code ?}, if given. */
    public static List<List<String>> rows(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            if (parameter != null) {
                st.setString(1, parameter);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getString(i) == null ? "" : rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
