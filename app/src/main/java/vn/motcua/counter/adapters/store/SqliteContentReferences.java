package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.motcua.counter.application.port.ContentReferences;

/**
 * Every value of every column named {@code content_id} or {@code …_content_id}, in every table. The schema's naming
 * rule is the contract: a migration that points at the content store names its column that way (V1 receipts, pages,
 * V2 forms and results, V4 copies, V7 cleaned images), and the clean-up keeps what it refers to without a list to
 * update here.
 */
public final class SqliteContentReferences implements ContentReferences {

    private final Database db;

    public SqliteContentReferences(Database db) {
        this.db = db;
    }

    @Override
    public Set<String> referencedContentIds() {
        return db.read(c -> {
            Set<String> ids = new HashSet<>();
            for (List<String> column : contentColumns(c)) {
                // names come from the schema itself, quoted as identifiers
                ids.addAll(Rows.list(c, "SELECT DISTINCT \"" + column.get(1) + "\" FROM \"" + column.get(0)
                        + "\" WHERE \"" + column.get(1) + "\" IS NOT NULL", rs -> rs.getString(1)));
            }
            return ids;
        });
    }

    private static List<List<String>> contentColumns(Connection c) throws SQLException {
        return Rows.list(c, """
                SELECT t.name, col.name FROM sqlite_schema t JOIN pragma_table_info(t.name) col
                WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%'
                  AND (col.name = 'content_id' OR col.name LIKE '%\\_content\\_id' ESCAPE '\\')""",
                rs -> List.of(rs.getString(1), rs.getString(2)));
    }
}
