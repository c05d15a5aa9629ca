package vn.motcua.counter.application.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.AccountStore;
import vn.motcua.counter.application.port.PasswordHashing;
import vn.motcua.counter.domain.access.LockoutPolicy;
import vn.motcua.counter.domain.access.Permission;
import vn.motcua.counter.domain.access.Role;

/**
 * Accounts and signing in (decision 1301): the first administrator, adding accounts, passwords, and the lockout
 * after wrong passwords, which the store keeps so that a restart does not lift it. Works offline: everything is in
 * the data folder.
 */
public final class AccountService {

    /** The shortest password accepted (NIST SP 800-63B: length, no composition rules). */
    public static final int MIN_PASSWORD = 8;

    private final AccountStore store;
    private final PasswordHashing hashing;
    private final Clock clock;
    private final LockoutPolicy lockout;
    private final Session session;
    private final Duration idleLock;
    /** Checked when the name is unknown, so that an unknown name takes as long as a wrong password. */
    private volatile String decoy;

    /** @param idleLock how long the window waits without a key or mouse event before it locks; zero: never */
    public AccountService(AccountStore store, PasswordHashing hashing, Clock clock, LockoutPolicy lockout,
                          Duration idleLock) {
        this.idleLock = idleLock;
        this.store = store;
        this.hashing = hashing;
        this.clock = clock;
        this.lockout = lockout;
        this.session = new Session(store.count() > 0);
    }

    /** How long the window waits without a key or mouse event before it locks; zero: never. */
    public Duration idleLock() {
        return idleLock;
    }

    /** Who is signed in, for every other service. */
    public Session session() {
        return session;
    }

    /** Whether the data folder has no account yet: the first administrator is to be made. */
    public boolean settingUp() {
        return !session.accountsExist();
    }

    /**
     * Makes the first administrator (the window's first-run screen, {@code motcua account add} on a new data folder)
     * and signs in as it.
     *
     * @param displayName the full name printed on papers; null: none (the sign-in name is printed)
     * @throws CounterException {@code access.first_exists} when an account exists already
     */
    public Account createFirstAdministrator(String name, String displayName, char[] password) {
        Account account = new Account(checkedName(name), Role.IT_ADMIN, false, checkedDisplayName(displayName));
        String hash = hashing.hash(checkedPassword(password));
        if (!store.addFirst(account, hash, clock.instant())) {
            session.accountsExist(true);
            throw new CounterException("access.first_exists");
        }
        session.accountsExist(true);
        session.signIn(account);
        return account;
    }

    /**
     * The first administrator from the provisioning file, when the data folder has no account: {@code secret} is an
     * Argon2id hash (kept as it is) or a one-time password, which must be changed at the first sign-in;
     * {@code displayName} may be null. Nothing happens when an account exists.
     *
     * @return whether the administrator was made
     */
    public boolean provisionAdministrator(String name, String displayName, String secret) {
        if (!settingUp() || name == null || name.isBlank() || secret == null || secret.isBlank()) {
            return false;
        }
        boolean hashed = hashing.isHash(secret.strip());
        String hash = hashed ? secret.strip() : hashing.hash(checkedPassword(secret.toCharArray()));
        boolean made = store.addFirst(new Account(checkedName(name), Role.IT_ADMIN, !hashed,
                checkedDisplayName(displayName)), hash, clock.instant());
        session.accountsExist(true);
        return made;
    }

    /**
     * Signs {@code name} in with {@code password}. An account that must change its password is signed in but may do
     * nothing else until {@link #changePassword}.
     *
     * @throws CounterException {@code access.wrong_password} (the name or the password is wrong: which one is not
     *                          told), {@code access.locked_out} with the seconds left
     */
    public Account signIn(String name, char[] password) {
        Account account = check(name, password);
        session.signIn(account);
        return account;
    }

    /** The idle lock's quick unlock: the password of the account signed in, with the same lockout. */
    public void unlock(char[] password) {
        Account current = session.account().orElseThrow(() -> AccessDenied.nobody(Permission.SEARCH));
        check(current.name(), password);
    }

    public void signOut() {
        session.signOut();
    }

    /**
     * Replaces the password of the account signed in; {@code current} is checked first (with the lockout).
     */
    public Account changePassword(char[] current, char[] next) {
        Account signedIn = session.account().orElseThrow(() -> AccessDenied.nobody(Permission.SEARCH));
        check(signedIn.name(), current);
        if (Arrays.equals(current, next)) {
            throw new CounterException("access.password_unchanged");
        }
        store.setPassword(signedIn.name(), hashing.hash(checkedPassword(next)), false);
        Account changed = signedIn.withOwnPassword();
        session.signIn(changed);
        return changed;
    }

    /**
     * Adds an account (IT admin); its owner chooses a password of their own at the first sign-in.
     *
     * @param displayName the full name printed on papers; null: none (the sign-in name is printed)
     */
    public Account add(String name, String displayName, Role role, char[] password) {
        session.require(Permission.ACCOUNTS);
        Account account = new Account(checkedName(name), role, true, checkedDisplayName(displayName));
        store.add(account, hashing.hash(checkedPassword(password)), clock.instant());
        session.accountsExist(true);
        return account;
    }

    /** Sets another account's password (IT admin), to be changed at its next sign-in; lifts its lockout. */
    public void resetPassword(String name, char[] password) {
        session.require(Permission.ACCOUNTS);
        AccountStore.Stored stored = store.find(name).orElseThrow(() -> new CounterException("access.unknown", name));
        store.setPassword(stored.account().name(), hashing.hash(checkedPassword(password)), true);
        store.succeeded(stored.account().name(), clock.instant());
    }

    /**
     * Gives an account the full name printed on papers and written in the history from now on (IT admin); what was
     * printed or written before keeps the name it had. The account signed in, if renamed, prints the new name at once.
     */
    public Account rename(String name, String displayName) {
        session.require(Permission.ACCOUNTS);
        String checked = checkedDisplayName(displayName == null ? "" : displayName);
        AccountStore.Stored stored = store.find(name == null ? "" : name)
                .orElseThrow(() -> new CounterException("access.unknown", name));
        store.setDisplayName(stored.account().name(), checked);
        session.account().filter(a -> a.name().equalsIgnoreCase(stored.account().name()))
                .ifPresent(a -> session.signIn(a.withDisplayName(checked)));
        return stored.account().withDisplayName(checked);
    }

    /** Every account (IT admin). */
    public List<Account> list() {
        session.require(Permission.ACCOUNTS);
        return store.all();
    }

    /** Until when {@code name} is locked out, if it is. */
    public Optional<Instant> lockedUntil(String name) {
        return store.find(name).flatMap(s -> lockout.lockedUntil(s.failures(), s.lastFailure(), clock.instant()));
    }

    private Account check(String name, char[] typedPassword) {
        char[] password = typedPassword == null ? new char[0] : typedPassword;
        String typed = name == null ? "" : name.strip();
        Optional<AccountStore.Stored> found = typed.isEmpty() ? Optional.empty() : store.find(typed);
        if (found.isEmpty()) {
            if (decoy == null) {
                decoy = hashing.hash("decoy-password".toCharArray());
            }
            hashing.matches(password, decoy);
            throw new CounterException("access.wrong_password");
        }
        AccountStore.Stored stored = found.get();
        Instant now = clock.instant();
        Optional<Instant> locked = lockout.lockedUntil(stored.failures(), stored.lastFailure(), now);
        if (locked.isPresent()) {   // not even checked: a guess during the lock costs nothing and tells nothing
            throw lockedOut(stored.account(), locked.get(), now);
        }
        if (hashing.matches(password, stored.passwordHash())) {
            if (stored.failures() > 0) {
                store.succeeded(stored.account().name(), now);
            }
            return stored.account();
        }
        int failures = store.failed(stored.account().name(), now);
        Duration delay = lockout.delayAfter(failures);
        if (!delay.isZero()) {
            throw lockedOut(stored.account(), now.plus(delay), now);
        }
        throw new CounterException("access.wrong_password");
    }

    private static CounterException lockedOut(Account account, Instant until, Instant now) {
        long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        return new CounterException("access.locked_out", account.name(), seconds);
    }

    private static String checkedName(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty() || value.length() > Account.MAX_NAME || value.chars().anyMatch(Character::isISOControl)) {
            throw new CounterException("access.bad_name", Account.MAX_NAME);
        }
        return value;
    }

    /** Null stays null (none given); otherwise 1 to {@link Account#MAX_DISPLAY_NAME} characters, one line. */
    private static String checkedDisplayName(String displayName) {
        if (displayName == null) {
            return null;
        }
        String value = java.text.Normalizer.normalize(displayName.strip().replaceAll("\\s+", " "),
                java.text.Normalizer.Form.NFC);
        if (value.isEmpty() || value.length() > Account.MAX_DISPLAY_NAME
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new CounterException("access.bad_display_name", Account.MAX_DISPLAY_NAME);
        }
        return value;
    }

    private static char[] checkedPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new CounterException("access.password_short", MIN_PASSWORD);
        }
        return password;
    }
}
