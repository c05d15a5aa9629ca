package vn.motcua.counter.application.access;

import vn.motcua.counter.domain.access.Role;

/**
 * A person who signs in at the counter (window or command line), with the {@link Role} that sets what they may do.
 *
 * @param name               what they type to sign in, unique on the data folder (compared without regard to case)
 * @param role               clerk, supervisor or IT admin
 * @param mustChangePassword the password was given by someone else (a one-time password from provisioning, or
 *                           reset by IT): it must be replaced before anything else
 * @param displayName        the clerk's full name as printed on papers and written in the history ("Nguyễn Thị
 *                           Lan"); null for an account made before accounts had one
 */
public record Account(String name, Role role, boolean mustChangePassword, String displayName) {

    /** The longest sign-in name accepted. */
    public static final int MAX_NAME = 64;
    /** The longest display name accepted (a Vietnamese full name with room to spare, one line on a receipt). */
    public static final int MAX_DISPLAY_NAME = 80;

    /** Who is printed on papers and written in the history: the display name, else the sign-in name. */
    public String shownName() {
        return displayName == null ? name : displayName;
    }

    /** This account with another display name. */
    Account withDisplayName(String value) {
        return new Account(name, role, mustChangePassword, value);
    }

    /** This account after its password was set by its owner. */
    Account withOwnPassword() {
        return new Account(name, role, false, displayName);
    }
}
