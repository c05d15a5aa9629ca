package vn.motcua.counter.application.audit;

/**
 * Who is acting at the counter, as the audit log names them. The composition root supplies it; until clerk accounts
 * exist it is the operating system's user ({@link #osUser()}), and an account session will supply the signed-in
 * account's name instead (one implementation, no other change).
 */
@FunctionalInterface
public interface Actor {

    /** The name written into the audit log: an account or user name, never a citizen's data. */
    String name();

    /** The operating system's user running the counter (the Java {@code user.name} property). */
    static Actor osUser() {
        String user = System.getProperty("user.name");
        String name = user == null || user.isBlank() ? "unknown" : user.strip();
        return () -> name;
    }
}
