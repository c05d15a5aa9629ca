package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.access.Account;
import vn.motcua.counter.application.port.AccountStore;
import vn.motcua.counter.domain.access.Role;

/**
 * V14's {@code accounts}. On a counter opened for reading (a command beside the window), the wrong-password count
 * is still written, through a short writable connection of its own: a read-only command must not be a way around
 * the lockout.
 */
public final class SqliteAccounts implements AccountStore {

    private final Database db;
    private final boolean readOnly;

    public SqliteAccounts(Database db, boolean readOnly) {
        this.db = db;
        this.readOnly = readOnly;
    }

    @Override
    public int count() {
        return db.read(c -> {
            if (!hasTable(c)) {
                return 0;
            }
            return Rows.first(c, "SELECT count(*) FROM accounts", rs -> rs.getInt(1)).orElse(0);
        });
    }

    @Override
    public Optional<Stored> find(String name) {
        return db.read(c -> {
            if (!hasTable(c)) {
                return Optional.<Stored>empty();
            }
            return Rows.first(c, """
                    SELECT name, role, must_change, password_hash, failures, last_failure FROM accounts WHERE name = ?""",
                    rs -> {
                        String last = rs.getString(6);
                        return new Stored(account(rs.getString(1), rs.getString(2), rs.getInt(3)), rs.getString(4),
                                rs.getInt(5), last == null ? null : Instant.parse(last));
                    }, name.strip());
        });
    }

    @Override
    public List<Account> all() {
        return db.read(c -> {
            if (!hasTable(c)) {
                return List.<Account>of();
            }
            return Rows.list(c, "SELECT name, role, must_change FROM accounts ORDER BY name",
                    rs -> account(rs.getString(1), rs.getString(2), rs.getInt(3)));
        });
    }

    @Override
    public void add(Account account, String passwordHash, Instant at) {
        write(c -> {
            if (Rows.first(c, "SELECT 1 FROM accounts WHERE name = ?", rs -> 1, account.name()).isPresent()) {
                throw new CounterException("access.name_taken", account.name());
            }
            insert(c, account, passwordHash, at);
            return null;
        });
    }

    @Override
    public boolean addFirst(Account account, String passwordHash, Instant at) {
        return write(c -> {
            if (Rows.first(c, "SELECT 1 FROM accounts LIMIT 1", rs -> 1).isPresent()) {
                return false;
            }
            insert(c, account, passwordHash, at);
            return true;
        });
    }

    @Override
    public int failed(String name, Instant at) {
        return write(c -> Rows.first(c, "UPDATE accounts SET failures = failures + 1, last_failure = ? WHERE name = ? "
                + "RETURNING failures", rs -> rs.getInt(1), at.toString(), name).orElse(0));
    }

    @Override
    public void succeeded(String name, Instant at) {
        write(c -> Rows.update(c, "UPDATE accounts SET failures = 0, last_failure = NULL, last_sign_in = ? "
                + "WHERE name = ?", at.toString(), name));
    }

    @Override
    public void setPassword(String name, String passwordHash, boolean mustChange) {
        write(c -> Rows.update(c, "UPDATE accounts SET password_hash = ?, must_change = ? WHERE name = ?",
                passwordHash, mustChange ? 1 : 0, name));
    }

    private static void insert(Connection c, Account account, String passwordHash, Instant at) throws SQLException {
        Rows.update(c, """
                INSERT INTO accounts (name, role, password_hash, must_change, created_at) VALUES (?, ?, ?, ?, ?)""",
                account.name(), account.role().code(), passwordHash, account.mustChangePassword() ? 1 : 0,
                at.toString());
    }

    private <T> T write(Database.SqlWork<T> work) {
        return readOnly ? Database.writeBeside(db.file(), work) : db.inTransaction(work);
    }

    private static boolean hasTable(Connection c) throws SQLException {
        return Rows.first(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'accounts'", rs -> 1)
                .isPresent();
    }

    private static Account account(String name, String role, int mustChange) {
        return new Account(name, Role.parse(role).orElseThrow(() -> new IllegalStateException("role " + role)),
                mustChange != 0);
    }
}
