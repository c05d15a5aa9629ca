package vn.motcua.counter.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.access.Account;

/**
 * The counter's accounts and their wrong-password counts, kept in the data folder so that a restart does not lift
 * a lockout. Names are compared without regard to case.
 */
public interface AccountStore {

    /** An account as stored: its password hash (with its parameters) and its failures in a row. */
    record Stored(Account account, String passwordHash, int failures, Instant lastFailure) {
    }

    /** How many accounts there are; 0 on a data folder from before accounts. */
    int count();

    Optional<Stored> find(String name);

    List<Account> all();

    /**
     * Adds an account.
     *
     * @throws vn.motcua.counter.application.CounterException {@code access.name_taken} when the name exists
     */
    void add(Account account, String passwordHash, Instant at);

    /** Adds {@code account} only if there is no account at all; false when one exists (atomically). */
    boolean addFirst(Account account, String passwordHash, Instant at);

    /** One more wrong password for {@code name}, at {@code at} (counted in the store, atomically); the new count. */
    int failed(String name, Instant at);

    /** A right password: the count starts again. */
    void succeeded(String name, Instant at);

    /** The full name printed on papers for {@code name}. */
    void setDisplayName(String name, String displayName);

    /** A new password hash; {@code mustChange} when someone other than its owner set it. */
    void setPassword(String name, String passwordHash, boolean mustChange);
}
