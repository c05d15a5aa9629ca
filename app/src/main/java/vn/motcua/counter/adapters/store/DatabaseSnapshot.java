package vn.motcua.counter.adapters.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import vn.motcua.counter.application.CounterException;

/**
 * A consistent copy of the live database while the counter may be writing to it: SQLite's online backup API (the
 * {@code backup to} statement of xerial's driver) on a read-only connection of its own, so no lock of the window is
 * needed and every committed transaction is either wholly in the copy or not at all (the copy is of one read
 * transaction's snapshot). The copy is then a standalone
 * file (rollback journal, no {@code -wal}) whose content references can be read.
 */
public final class DatabaseSnapshot {

    private DatabaseSnapshot() {
    }

    /** What the copy holds: its dossiers and every content id its rows refer to. */
    public record Copied(long dossiers, Set<String> referencedContent) {
    }

    /**
     * Copies {@code live} to {@code copy} (which must not exist) and reads what it holds.
     *
     * @throws CounterException {@code store.*} when the database cannot be read or the copy written
     */
    public static Copied copy(Path live, Path copy) {
        if (copy.toString().contains("'")) {
            throw new IllegalArgumentException("the copy's path is chosen by the backup, without quotes");
        }
        Database.readOnly(live, c -> {
            // a read transaction first: the backup then copies that one snapshot, whatever the window commits meanwhile
            // (without it SQLite restarts the copy after each commit of another connection)
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT count(*) FROM sqlite_schema").close();
                st.executeUpdate("backup to '" + copy.toAbsolutePath() + "'");
            } finally {
                c.rollback();
            }
            return null;
        });
        SQLiteConfig config = new SQLiteConfig();
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        // only content ids and counts are read from the copy: no column cipher needed
        try (Database snapshot = new Database(copy, config.createConnection("jdbc:sqlite:" + copy.toAbsolutePath()),
                PersonalColumns.PLAIN)) {
            return snapshot.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode = DELETE");
                }
                long dossiers = Rows.list(c, "SELECT count(*) FROM dossiers", rs -> rs.getLong(1)).getFirst();
                return new Copied(dossiers, new SqliteContentReferences(snapshot).referencedContentIds());
            });
        } catch (java.sql.SQLException e) {
            throw Database.translate(e, copy);
        }
    }

    /** Removes a copy and any journal beside it (the copy holds the database's plaintext until it is encrypted). */
    public static void remove(Path copy) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(DatabaseSnapshot.class).warn("cannot remove {}{}", copy, suffix, e);
            }
        }
    }
}
