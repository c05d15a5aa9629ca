package vn.motcua.counter.adapters.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import java.util.List;
import java.util.function.Supplier;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.Transactions;

/**
 * The counter's SQLite file: WAL journal, full fsync on commit (a dossier the clerk saw saved stays saved through a
 * power cut), foreign keys, and the schema brought up to date by Flyway on open. One connection serves the whole
 * application; callers serialise on it.
 */
public final class Database implements AutoCloseable, Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MS = 5_000;
    /**
     * Page cache of the one connection. The FTS5 entries one page-text search reads (a megabyte or two over 2
     * million pages) fill SQLite's default of 2 MB, pushing out the index pages that lead from a hit to its dossier;
     * 64 MB keeps those too (docs/benchmarks.md).
     */
    private static final int CACHE_KIB = 64 * 1024;
    /**
     * The newest migration in {@code db/migration} ({@code SchemaVersionTest} holds this to the files). A file whose
     * history already ends there, with no failed step, opens without Flyway: its classpath scan, its plugin registry
     * and its re-reading of every applied script cost ~0.1 s of each start with nothing to do (decision 0903).
     */
    static final int SCHEMA_VERSION = 19;

    private final Path file;
    private final Connection connection;
    private final PersonalColumns columns;
    /** Transactions open on the connection (its monitor held): an inner one joins the outer instead of nesting. */
    private int depth;
    /** What runs once the outermost transaction has committed (dropped on rollback). */
    private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

    Database(Path file, Connection connection, PersonalColumns columns) {   // package: DatabaseSnapshot opens its copy
        this.file = file;
        this.connection = connection;
        this.columns = columns;
    }

    /** Without a column cipher: for a store tested on its own (the counter opens it with one). */
    public static Database open(Path file) {
        return open(file, PersonalColumns.PLAIN);
    }

    /** Opens the file, brings the schema up to date, and keeps personal columns as {@code columns} says. */
    public static Database open(Path file, PersonalColumns columns) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setCacheSize(-CACHE_KIB); // negative: KiB, not pages
        // Decision 1201: a deleted or overwritten value (a plain value replaced by its sealed form, an FTS5 segment
        // merged away) is zeroed, not left in free pages; sorts and temporary indexes stay in memory, never in a
        // plain temporary file outside the data folder.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            if (!isCurrent(source)) {
                Flyway.configure()
                        .dataSource(source)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            }
            Connection connection = source.getConnection();
            Database db = new Database(file, connection, columns);
            try {
                ColumnSealing.finish(db);   // a folder from before decision 1201: sealed in place, crash-safe
                FreeTextSealing.finish(db);   // free text written before V17, the same way
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (FlywayException | SQLException e) {
            throw translate(e, file);
        }
    }

    /** Whether Flyway's history ends at {@link #SCHEMA_VERSION} with every step applied (false for a new file). */
    private static boolean isCurrent(SQLiteDataSource source) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(
                     "select exists (select 1 from sqlite_master where name = 'flyway_schema_history')")) {
            if (!r.next() || !r.getBoolean(1)) {
                return false;
            }
            try (ResultSet h = s.executeQuery("select count(*) filter (where not success),"
                    + " max(cast(version as integer)) from flyway_schema_history where version is not null")) {
                return h.next() && h.getInt(1) == 0 && h.getInt(2) == SCHEMA_VERSION;
            }
        }
    }

    /**
     * Opens the file read-only, as it is: no migration, nothing written. SQLite's WAL journal lets this connection read
     * beside a process that writes (the window), so commands that only read need not wait for it to close.
     */
    public static Database openForReading(Path file) {
        return openForReading(file, PersonalColumns.PLAIN);
    }

    public static Database openForReading(Path file, PersonalColumns columns) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setCacheSize(-CACHE_KIB);
        try {
            return new Database(file, config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()), columns);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /**
     * Opens the file for writing as it is, without migrating it: for the audit entries a command that only reads must
     * still write (docs/decisions/1302-audit-log.md) while the window holds the data folder; SQLite's locking
     * serialises its few writes with the window's.
     */
    public static Database openWithoutMigration(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        try {
            // the audit's entries hold no personal data (decision 1302): no column cipher needed
            return new Database(file, config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()),
                    PersonalColumns.PLAIN);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /**
     * {@code PRAGMA integrity_check} on a read-only connection of its own, so IT staff can check the file while the
     * application has it open, and nothing (no migration) is written.
     */
    public static String checkIntegrity(Path file) {
        return readOnly(file, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                StringBuilder result = new StringBuilder();
                while (rs.next()) {
                    result.append(result.isEmpty() ? "" : "; ").append(rs.getString(1));
                }
                return result.toString();
            }
        });
    }

    /** Runs {@code work} on a read-only connection of its own (for diagnostics while the application runs). */
    public static <T> T readOnly(Path file, SqlWork<T> work) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /**
     * Runs {@code work} in one transaction on a short writable connection of its own, without migrating: for the
     * little a counter opened for reading must still write (a wrong password's count). It waits for the window's
     * transactions as any writer does.
     */
    public static <T> T writeBeside(Path file, SqlWork<T> work) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            return immediate(c, work);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /** {@code work} in one {@code BEGIN IMMEDIATE} transaction on {@code c}: committed, or rolled back and thrown. */
    private static <T> T immediate(Connection c, SqlWork<T> work) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        try {
            T result = work.run(c);
            try (Statement st = c.createStatement()) {
                st.execute("COMMIT");
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try (Statement st = c.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public Connection connection() {
        return connection;
    }

    /** How personal columns are sealed, opened and searched in this file (decision 1201). */
    public PersonalColumns columns() {
        return columns;
    }

    /**
     * Runs {@code work} in one transaction that takes the write lock at once, so it cannot deadlock half-way. Called
     * inside another transaction (on the same thread), it joins it: the outer one commits or rolls back both.
     */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        if (depth > 0) {
            depth++;
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw translate(e, file);
            } finally {
                depth--;
            }
        }
        depth = 1;
        try {
            T result = immediate(connection, work);
            runAfterCommit();   // only once committed: a rolled-back change never moves the audit anchor
            return result;
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            depth = 0;
            afterCommit.clear();
        }
    }

    /**
     * Runs {@code action} once the transaction this thread is in has committed (at once outside a transaction); a
     * rollback drops it. For what must follow the data but cannot be part of it, such as a file beside the database.
     */
    public synchronized void afterCommit(Runnable action) {
        if (depth == 0) {
            action.run();
        } else {
            afterCommit.add(action);
        }
    }

    private void runAfterCommit() {
        for (Runnable action : List.copyOf(afterCommit)) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("after-commit action failed", e);
            }
        }
        afterCommit.clear();
    }

    @Override
    public <T> T inOneTransaction(Supplier<T> work) {
        return inTransaction(c -> work.get());
    }

    /** Runs a read on the shared connection. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Maps SQLite's result codes to what the clerk can act on; the full cause goes to the log. */
    static CounterException translate(Exception e, Path file) {
        SQLiteErrorCode code = null;
        for (Throwable t = e; t != null && code == null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                code = sqlite.getResultCode();
            }
        }
        String key = code == null ? "store.failed" : switch (code) {
            case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT -> "store.locked";
            case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_CORRUPT_VTAB -> "store.corrupt";
            case SQLITE_FULL -> "store.disk_full";
            case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM -> "store.folder_unwritable";
            default -> "store.failed";
        };
        if (code == null && String.valueOf(e.getMessage()).contains("[SQLITE_NOTADB]")) {
            key = "store.corrupt";
        }
        if (key.equals("store.locked") || key.equals("store.folder_unwritable")) {
            LOG.warn("database {} refused ({}): {}", file, key, e.getMessage()); // ordinary: busy, read-only, no file
        } else {
            LOG.error("database {} failed ({})", file, key, e);
        }
        return new CounterException(key, e, file);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing {}", file, e);
        }
    }
}
