package vn.motcua.counter.application.access;

import java.util.Optional;
import vn.motcua.counter.domain.access.Permission;

/**
 * Who is working at the counter now, as the application services see it: the account signed in to the window or
 * named on the command line. Services call {@link #require} before they act; other services (the audit log) ask
 * {@link #account()} who did it.
 */
public interface CurrentClerk {

    /** The account signed in; empty before anyone has, and on a data folder that has no account yet (set-up). */
    Optional<Account> account();

    /**
     * Refuses with {@link AccessDenied} unless the account signed in may do {@code permission}. On a data folder that
     * has no account yet (set-up: the first administrator is still to be made) everything is allowed.
     */
    void require(Permission permission);

    /**
     * Who is written as having received, handed over or issued something (the receipt, the control slip's hand-overs,
     * the history): the account signed in, by its display name (its sign-in name when it has none); {@code setUpName}
     * (the {@code clerk.name} setting) only on a data folder without accounts yet.
     */
    default String nameOr(String setUpName) {
        return account().map(Account::shownName).orElse(setUpName);
    }
}
