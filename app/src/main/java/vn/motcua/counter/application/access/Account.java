package vn.motcua.counter.application.access;

import vn.motcua.counter.domain.access.Role;

/**
 * A person who signs in at the counter (window or command line), with the {@link Role} that sets what they may do.
 *
 * @param name               what they type to sign in, unique on the data folder (compared without regard to case)
 * @param role               clerk, supervisor or IT admin
 * @param mustChangePassword the password was given by someone else (a one-time password from provisioning, or
 *                           reset by IT): it must be replaced before anything else
 */
public record Account(String name, Role role, boolean mustChangePassword) {

    /** The longest name accepted. */
    public static final int MAX_NAME = 64;
}
