package vn.motcua.counter.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import vn.motcua.counter.application.Backups;
import vn.motcua.counter.application.CounterAccess;
import vn.motcua.counter.application.CounterDiagnostics;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.CounterUpdates;
import vn.motcua.counter.application.Notice;
import vn.motcua.counter.application.Scanners;
import vn.motcua.counter.application.access.AccessDenied;
import vn.motcua.counter.application.capture.FileCopies;
import vn.motcua.counter.application.signing.Signatures;
import vn.motcua.counter.domain.access.Permission;
import vn.motcua.counter.domain.calendar.ScheduleProblem;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;

/**
 * The application as the command line reaches it: signed in as {@code --account} on every counter it opens
 * (decision 1301). On a data folder with accounts, a command that opens it without a name is refused; the
 * password is read once, when first needed, from {@code MOTCUA_PASSWORD} or the console. {@code doctor},
 * {@code update} and {@code config provision}, which need no open counter, are checked against the data folder's
 * accounts too (IT admin). A data folder without any account (set-up) asks nobody.
 */
final class SignedInAccess implements CounterAccess {

    private final CounterAccess delegate;
    private final String account;
    private final Passwords passwords;
    private char[] password;

    /** Where passwords come from: the environment, else the console. */
    interface Passwords {
        /** The password of {@code account}: {@code MOTCUA_PASSWORD}, else asked on the console. */
        char[] password(String account);

        /** A new password (adding an account, changing one): {@code MOTCUA_NEW_PASSWORD}, else asked twice. */
        char[] newPassword(String account);
    }

    SignedInAccess(CounterAccess delegate, String account, Passwords passwords) {
        this.delegate = delegate;
        this.account = account == null || account.isBlank() ? null : account.strip();
        this.passwords = passwords;
    }

    /** The account named with {@code --account} (or {@code MOTCUA_ACCOUNT}), if any. */
    String account() {
        return account;
    }

    /** The password given for the account named, read once. */
    char[] password() {
        if (password == null) {
            password = passwords.password(account);
        }
        return password;
    }

    Passwords passwords() {
        return passwords;
    }

    @Override
    public CounterServices open() {
        return signedIn(delegate.open());
    }

    @Override
    public CounterServices openForReading() {
        return signedIn(delegate.openForReading());
    }

    private CounterServices signedIn(CounterServices counter) {
        try {
            if (!counter.accounts().settingUp()) {
                if (account == null) {
                    throw new CounterException("access.sign_in_required");
                }
                counter.accounts().signIn(account, password());
            }
            return counter;
        } catch (RuntimeException e) {
            counter.close();
            throw e;
        }
    }

    /** Refuses unless the account named may do {@code permission} on the data folder (when it has accounts). */
    private void require(Permission permission) {
        if (!delegate.accountsExist()) {
            return;
        }
        try (CounterServices counter = openForReading()) {
            counter.accounts().session().require(permission);
        }
    }

    @Override
    public boolean accountsExist() {
        return delegate.accountsExist();
    }

    @Override
    public Locale locale() {
        return delegate.locale();
    }

    @Override
    public FileCopies fileCopies(String language) {
        return delegate.fileCopies(language);
    }

    @Override
    public Scanners scanners(List<String> moreSaneHosts) {
        return delegate.scanners(moreSaneHosts);
    }

    @Override
    public CounterDiagnostics diagnostics() {
        try {
            require(Permission.DOCTOR);
        } catch (AccessDenied e) {
            throw e;
        } catch (CounterException e) {
            // doctor is for a broken counter: a database whose accounts cannot be read is what it must report on
            org.slf4j.LoggerFactory.getLogger(SignedInAccess.class).warn("doctor without a sign-in: {}",
                    e.messageKey());
        }
        return delegate.diagnostics();
    }

    @Override
    public Signatures signatures() {
        return delegate.signatures();
    }

    @Override
    public List<Notice> notices() {
        return delegate.notices();
    }

    @Override
    public CounterUpdates updates() {
        require(Permission.UPDATES);
        return delegate.updates();
    }

    @Override
    public Backups backups() {
        require(Permission.BACKUP);
        return delegate.backups();
    }

    @Override
    public Path provision(Map<String, String> values) {
        require(Permission.SETTINGS);
        return delegate.provision(values);
    }

    @Override
    public VietnamHolidayCalendar calendar(Path overrides, BiConsumer<Path, ScheduleProblem> skipped) {
        return delegate.calendar(overrides, skipped);
    }

    /** Forgets the password read (at the end of the command). */
    void forget() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
