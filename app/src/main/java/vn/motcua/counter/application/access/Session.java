package vn.motcua.counter.application.access;

import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.domain.access.Permission;

/**
 * The account signed in to an open counter (one per process: the window's clerk, or the command line's
 * {@code --account}). Only {@link AccountService} signs in and out; every service reads it as {@link CurrentClerk}.
 */
public final class Session implements CurrentClerk {

    private volatile Account account;
    /** False on a data folder without any account yet (set-up): nothing to sign in to, nothing refused. */
    private volatile boolean accountsExist;

    Session(boolean accountsExist) {
        this.accountsExist = accountsExist;
    }

    @Override
    public Optional<Account> account() {
        return Optional.ofNullable(account);
    }

    @Override
    public void require(Permission permission) {
        if (!accountsExist) {
            return;
        }
        Account signedIn = account;
        if (signedIn == null) {
            throw AccessDenied.nobody(permission);
        }
        if (signedIn.mustChangePassword()) {
            throw new CounterException("access.password_change_required", signedIn.name());
        }
        if (!signedIn.role().may(permission)) {
            throw AccessDenied.refused(signedIn, permission);
        }
    }

    /** Whether the data folder has accounts, i.e. whether someone must sign in. */
    public boolean accountsExist() {
        return accountsExist;
    }

    void accountsExist(boolean value) {
        accountsExist = value;
    }

    void signIn(Account value) {
        account = value;
    }

    void signOut() {
        account = null;
    }
}
