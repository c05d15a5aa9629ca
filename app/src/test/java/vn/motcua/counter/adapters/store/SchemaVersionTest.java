package vn.motcua.counter.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file whose schema is current opens without Flyway; anything else is migrated as before (decision 0903). */
class SchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void theVersionNamesTheNewestMigration() throws Exception {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        try (Stream<Path> files = Files.list(Path.of(Database.class.getResource("/db/migration").toURI()))) {
            int newest = files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
            assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    @Test
    void aCurrentFileOpensWithoutFlyway() throws Exception {
        Path file = dir.resolve("motcua.db");
        Database.open(file).close();   // new: migrated by Flyway
        assertThat(history(file, "select max(cast(version as integer)) from flyway_schema_history"))
                .isEqualTo(Database.SCHEMA_VERSION);

        // Flyway validates every applied script's checksum before migrating: an altered one stops it. Opening
        // succeeds only because Flyway is not called on a current schema.
        history(file, "update flyway_schema_history set checksum = checksum + 1 where version = '1'");
        Database.open(file).close();
    }

    @Test
    void aFileBehindIsMigrated() throws Exception {
        Path file = dir.resolve("motcua.db");
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration").target(Integer.toString(Database.SCHEMA_VERSION - 1)).load().migrate();
        Database.open(file).close();
        assertThat(history(file, "select max(cast(version as integer)) from flyway_schema_history"))
                .isEqualTo(Database.SCHEMA_VERSION);
    }

    private static int history(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            if (!sql.startsWith("select")) {
                return s.executeUpdate(sql);
            }
            try (ResultSet r = s.executeQuery(sql)) {
                return r.next() ? r.getInt(1) : -1;
            }
        }
    }
}
