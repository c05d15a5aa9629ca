package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.access.Account;
import vn.motcua.counter.application.port.AccountStore;
import vn.motcua.counter.domain.access.Role;

/**
 * V14's {@code accounts}, with V19's {@code display_name} (read as NULL from a file not yet migrated to V19, which a
 * command beside an older window or {@code doctor} may meet). On a counter opened for reading (a command beside the
 * window), the wrong-password count is still written, through a short writable connection of its own: a read-only
 * command must not be a way around the lockout.
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
                    SELECT name, role, must_change, %s, password_hash, failures, last_failure FROM accounts
                    WHERE name = ?""".formatted(displayName(c)),
                    rs -> {
                        String last = rs.getString(7);
                        return new Stored(account(rs), rs.getString(5), rs.getInt(6),
                                last == null ? null : Instant.parse(last));
                    }, name.strip());
        });
    }

    @Override
    public List<Account> all() {
        return db.read(c -> {
            if (!hasTable(c)) {
                return List.<Account>of();
            }
            return Rows.list(c, "SELECT name, role, must_change, " + displayName(c) + " FROM accounts ORDER BY name",
                    SqliteAccounts::account);
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
    public void setDisplayName(String name, String displayName) {
        write(c -> Rows.update(c, "UPDATE accounts SET display_name = ? WHERE name = ?", displayName, name));
    }

    @Override
    public void setPassword(String name, String passwordHash, boolean mustChange) {
        write(c -> Rows.update(c, "UPDATE accounts SET password_hash = ?, must_change = ? WHERE name = ?",
                passwordHash, mustChange ? 1 : 0, name));
    }

    private static void insert(Connection c, Account account, String passwordHash, Instant at) throws SQLException {
        Rows.update(c, """
                INSERT INTO accounts (name, role, password_hash, must_change, created_at, display_name)
                VALUES (?, ?, ?, ?, ?, ?)""",
                account.name(), account.role().code(), passwordHash, account.mustChangePassword() ? 1 : 0,
                at.toString(), account.displayName());
    }

    private <T> T write(Database.SqlWork<T> work) {
        return readOnly ? Database.writeBeside(db.file(), work) : db.inTransaction(work);
    }

    private static boolean hasTable(Connection c) throws SQLException {
        return Rows.first(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'accounts'", rs -> 1)
                .isPresent();
    }

    /** {@code display_name}, or NULL in a file from before V19. */
    private static String displayName(Connection c) throws SQLException {
        return Rows.first(c, "SELECT 1 FROM pragma_table_info('accounts') WHERE name = 'display_name'", rs -> 1)
                .isPresent() ? "display_name" : "NULL";
    }

    /** An account from the columns name, role, must_change, display name. */
    private static Account account(ResultSet rs) throws SQLException {
        String role = rs.getString(2);
        return new Account(rs.getString(1),
                Role.parse(role).orElseThrow(() -> new IllegalStateException("role " + role)), rs.getInt(3) != 0,
                rs.getString(4));
    }
}
