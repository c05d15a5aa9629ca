package vn.motcua.sync.client;

import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import vn.motcua.sync.wire.Keys;
import vn.motcua.sync.wire.WireFormatException;

/**
 * {@link SyncState} in the application's own SQL database (SQLite at the counter), in tables {@code sync_*} it
 * creates itself. Plain SQL only (upserts as {@code INSERT … ON CONFLICT … DO UPDATE}, SQLite and PostgreSQL both
 * have it); the credential and the pending enrolment it replaces change in one transaction. The supplier gives a connection per operation, which this class closes after use (so a
 * {@code DataSource} or a {@code DriverManager} lambda fits); each write commits on its own.
 */
public final class JdbcSyncState implements SyncState {

    private final Supplier<Connection> connections;

    public JdbcSyncState(Supplier<Connection> connections) {
        this.connections = connections;
        createTables();
    }

    public JdbcSyncState(DataSource dataSource) {
        this(() -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the sync state database", e);
            }
        });
    }

    private void createTables() {
        run(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS sync_credential (id INTEGER PRIMARY KEY CHECK (id = 1), "
                        + "counter_id TEXT NOT NULL, token TEXT NOT NULL, public_key TEXT NOT NULL, "
                        + "private_key TEXT NOT NULL, hub_public_key TEXT NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS sync_pending_enrolment (id INTEGER PRIMARY KEY CHECK (id = 1), "
                        + "counter_name TEXT NOT NULL, public_key TEXT NOT NULL, private_key TEXT NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS sync_upload (sha256 TEXT PRIMARY KEY, url TEXT NOT NULL, "
                        + "upload_offset BIGINT NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS sync_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), "
                        + "cursor TEXT NOT NULL)");
            }
            return null;
        });
    }

    @Override
    public Optional<CounterCredential> credential() {
        return run(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT counter_id, token, public_key, private_key, hub_public_key FROM sync_credential WHERE id = 1");
                 ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                try {
                    KeyPair pair = new KeyPair(Keys.decodePublic(r.getString(3)),
                            Keys.decodePrivate(Base64.getDecoder().decode(r.getString(4))));
                    return Optional.of(new CounterCredential(r.getString(1), r.getString(2), pair,
                            Keys.decodePublic(r.getString(5))));
                } catch (WireFormatException e) {
                    throw new IllegalStateException("the stored sync credential is damaged", e);
                }
            }
        });
    }

    @Override
    public void saveCredential(CounterCredential k) {
        run(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                execute(c, "INSERT INTO sync_credential (id, counter_id, token, public_key, private_key, hub_public_key) "
                                + "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET counter_id = excluded.counter_id, "
                                + "token = excluded.token, public_key = excluded.public_key, private_key = excluded.private_key, "
                                + "hub_public_key = excluded.hub_public_key",
                        k.counterId(), k.token(), Keys.encode(k.counterKey().getPublic()), privateKey(k.counterKey()),
                        Keys.encode(k.hubPublicKey()));
                execute(c, "DELETE FROM sync_pending_enrolment");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return null;
        });
    }

    @Override
    public Optional<PendingEnrolment> pendingEnrolment() {
        return run(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT counter_name, public_key, private_key FROM sync_pending_enrolment WHERE id = 1");
                 ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(new PendingEnrolment(r.getString(1), new KeyPair(Keys.decodePublic(r.getString(2)),
                            Keys.decodePrivate(Base64.getDecoder().decode(r.getString(3))))));
                } catch (WireFormatException e) {
                    throw new IllegalStateException("the stored pending enrolment is damaged", e);
                }
            }
        });
    }

    @Override
    public void savePendingEnrolment(PendingEnrolment p) {
        update("INSERT INTO sync_pending_enrolment (id, counter_name, public_key, private_key) VALUES (1, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET counter_name = excluded.counter_name, "
                        + "public_key = excluded.public_key, private_key = excluded.private_key",
                p.counterName(), Keys.encode(p.counterKey().getPublic()), privateKey(p.counterKey()));
    }

    private static String privateKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(Keys.encodePrivate(pair.getPrivate()));
    }

    @Override
    public Optional<Upload> upload(String sha256) {
        return run(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT url, upload_offset FROM sync_upload WHERE sha256 = ?")) {
                p.setString(1, sha256);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Upload(sha256, r.getString(1), r.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveUpload(Upload u) {
        update("INSERT INTO sync_upload (sha256, url, upload_offset) VALUES (?, ?, ?) ON CONFLICT (sha256) DO UPDATE "
                + "SET url = excluded.url, upload_offset = excluded.upload_offset", u.sha256(), u.url(), u.offset());
    }

    @Override
    public void forgetUpload(String sha256) {
        update("DELETE FROM sync_upload WHERE sha256 = ?", sha256);
    }

    @Override
    public Optional<String> cursor() {
        return run(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT cursor FROM sync_cursor WHERE id = 1");
                 ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public void saveCursor(String cursor) {
        update("INSERT INTO sync_cursor (id, cursor) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor",
                cursor);
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    private void update(String sql, Object... args) {
        run(c -> {
            execute(c, sql, args);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return null;
        });
    }

    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection c = connections.get()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("sync state: " + e.getMessage(), e);
        }
    }
}
