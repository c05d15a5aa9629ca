package vn.motcua.counter.domain.access;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may do what at a one-stop counter ("bộ phận một cửa"), from the least to the most trusted. Each role may do
 * everything the roles before it may (decision 1301, docs/decisions/1301-accounts-and-roles.md):
 * <ul>
 *   <li>{@link #CLERK} ("cán bộ tiếp nhận"): the counter clerk who receives dossiers from citizens, scans their
 *   papers, moves them on to the processing unit, returns results and looks dossiers up;</li>
 *   <li>{@link #SUPERVISOR} ("lãnh đạo bộ phận một cửa"): the head of the one-stop unit, who also reads the reports
 *   and the audit log and makes corrections (an apology with a new date, stopping a dossier);</li>
 *   <li>{@link #IT_ADMIN} ("cán bộ CNTT"): the agency's IT officer, who also manages accounts, the settings, the
 *   procedure catalogue, updates and runs {@code doctor}.</li>
 * </ul>
 */
public enum Role {
    CLERK("clerk"),
    SUPERVISOR("supervisor"),
    IT_ADMIN("it-admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The role's word in settings, the database and on the command line: clerk, supervisor, it-admin. */
    public String code() {
        return code;
    }

    /** Whether this role may do {@code permission}. */
    public boolean may(Permission permission) {
        return compareTo(permission.least()) >= 0;
    }

    /** A role from its code; "admin" is accepted for it-admin. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (code.equals("admin") || code.equals("itadmin")) {
            return Optional.of(IT_ADMIN);
        }
        for (Role role : values()) {
            if (role.code.equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
