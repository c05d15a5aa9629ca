package vn.motcua.sync.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.motcua.sync.hub.support.TestPostgres;

class DatabaseTest {

    @Test
    void theSchemaVersionTheHubChecksIsTheNewestMigration() throws Exception {
        try (Stream<Path> files = Files.list(migrations())) {
            int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(Database.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
        }
    }

    private static java.util.Optional<Long> count(Database db, String sql) {
        return db.read(c -> Database.first(c, sql, rs -> rs.getLong(1)));
    }

    @Test
    void aSecondStartSkipsFlywayAndFindsTheSchema() {
        String url = TestPostgres.newDatabase();
        long history;
        try (Database first = new Database(url, "postgres", "", 2)) {
            history = count(first, "select count(*) from flyway_schema_history").orElseThrow();
            assertThat(count(first, "select count(*) from flyway_schema_history where version = '" + Database.SCHEMA_VERSION + "' and success")).contains(1L);
        }
        try (Database second = new Database(url, "postgres", "", 2)) {
            assertThat(count(second, "select count(*) from flyway_schema_history")).contains(history);
            assertThat(count(second, "select count(*) from dossiers")).contains(0L);
        }
    }

    private static Path migrations() throws URISyntaxException {
        return Path.of(DatabaseTest.class.getResource("/db/hub").toURI());
    }
}
