package vn.motcua.counter.application.access;

import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.domain.access.Permission;

/** An action the account signed in may not do, or any action while nobody is signed in. */
public final class AccessDenied extends CounterException {

    private final Permission permission;

    private AccessDenied(String key, Permission permission, Object... arguments) {
        super(key, arguments);
        this.permission = permission;
    }

    /** {@code account} may not do {@code permission}; the message names the action and the role needed. */
    static AccessDenied refused(Account account, Permission permission) {
        return new AccessDenied("access.denied", permission, account.name(),
                "access.permission." + permission.name().toLowerCase(java.util.Locale.ROOT),
                "access.role." + permission.least().code());
    }

    /** Nobody is signed in (the command line without {@code --account}, a locked or signed-out window). */
    static AccessDenied nobody(Permission permission) {
        return new AccessDenied("access.sign_in_required", permission);
    }

    public Permission permission() {
        return permission;
    }
}
