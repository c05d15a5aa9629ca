package vn.motcua.sync.hub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The hub's PostgreSQL: a connection pool, the schema brought up to date by Flyway at start (every instance runs
 * it; Flyway's lock makes that safe), and small helpers so that each store reads as SQL, not as JDBC plumbing.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Database bulk;

    /**
     * Two pools to one database: the main one ({@code poolSize}) for manifests, the changes feed, the staff page and
     * {@code /health}; a smaller one ({@link #bulkPoolSize}) for the uploads' bookkeeping, see {@link #bulk()}.
     */
    public Database(String url, String user, String password, int poolSize) {
        this.pool = new HikariDataSource(config(url, user, password, poolSize, "hub", poolSize));
        HikariConfig bulkConfig = config(url, user, password, bulkPoolSize(poolSize), "hub-bulk", 0);
        // an upload's rows need not wait for their own WAL flush: see bulk()
        bulkConfig.setConnectionInitSql("set synchronous_commit to off");
        this.bulk = new Database(new HikariDataSource(bulkConfig));
        if (!upToDate()) {
            Flyway.configure().dataSource(pool).locations("classpath:db/hub").load().migrate();
        }
    }

    private Database(HikariDataSource bulkPool) {
        this.pool = bulkPool;
        this.bulk = this;
    }

    private static HikariConfig config(String url, String user, String password, int size, String name, int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(minimumIdle);
        config.setPoolName(name);
        config.setConnectionTimeout(30_000); // under a burst, waiting beats failing; past it the API answers 503 busy
        return config;
    }

    /** A quarter of the main pool, at least 2: uploads are many and short; they must not take every connection. */
    public static int bulkPoolSize(int poolSize) {
        return Math.max(2, poolSize / 4);
    }

    /**
     * The lane for bulk work (tus uploads' offsets, parts and blob rows): its own, smaller pool, so that a burst of
     * uploads (hundreds of counters catching up) queues there and not in front of manifests and {@code /health}
     * (decision 0705). Its connections commit without waiting for their WAL flush ({@code synchronous_commit off}):
     * an upload's rows lost in a crash of PostgreSQL only make the counter resume from an earlier offset or upload
     * the file again (tus and {@code missing_files} already handle that), and a manifest that relies on a blob row
     * commits synchronously on the main lane, which flushes the WAL up to and past that row. Files themselves are
     * forced to disk before their row is written, as before.
     */
    public Database bulk() {
        return bulk;
    }

    /** The newest migration in {@code db/hub}; {@code DatabaseTest} checks it against the files. */
    static final String SCHEMA_VERSION = "1";

    /**
     * True when Flyway's history already ends at {@link #SCHEMA_VERSION} with success: then the hub skips Flyway,
     * whose start costs seconds on a small machine (the cold-start target). Otherwise Flyway migrates, under its lock.
     */
    private boolean upToDate() {
        try (Connection c = pool.getConnection()) {
            return first(c, """
                    select version from flyway_schema_history where success and version is not null
                     order by installed_rank desc limit 1""", rs -> rs.getString(1)).map(SCHEMA_VERSION::equals).orElse(false);
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** One statement outside any explicit transaction. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        }
    }

    public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (a instanceof OffsetDateTime time) {
                s.setObject(i + 1, time);
            } else if (a instanceof Json json) {
                s.setObject(i + 1, json.text(), java.sql.Types.OTHER);
            } else {
                s.setObject(i + 1, a);
            }
        }
        return s;
    }

    /** A parameter bound as jsonb. */
    public record Json(String text) {
    }

    public static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class) == null ? null
                : rs.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.ofHours(7));
    }

    @Override
    public void close() {
        if (bulk != this) {
            bulk.close();
        }
        pool.close();
    }

    /** A database failure: the hub answers 503/500 without detail and logs the cause. */
    public static final class StoreException extends RuntimeException {
        public StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        /** No connection came free in time: the hub is overloaded, not broken; the client should retry later. */
        public boolean busy() {
            return getCause() instanceof java.sql.SQLTransientConnectionException;
        }
    }
}
