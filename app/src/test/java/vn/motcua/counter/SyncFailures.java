package vn.motcua.counter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;

/**
 * A dossier whose sending fails for real against the hub, and the way to mend it: the counter forgets what it sent
 * (as after restoring an old backup) and the dossier changes, so it offers other content as revision 1 again and the
 * hub answers "conflict" (decision 0802); once the revision offered no longer matches the content, the next offer
 * is revision 2, which the hub takes.
 */
public final class SyncFailures {

    private SyncFailures() {
    }

    /** {@code code}, sent already, fails with {@code sync.error.conflict}; returns once the runner gave up on it. */
    public static void failWithConflict(CounterWiring counter, Path data, DossierCode code) throws Exception {
        counter.pipeline().pause();
        update(data, code, "DELETE FROM sync_revisions");
        counter.lifecycle().process(code, "", counter.profile());
        counter.pipeline().resume();
        if (!counter.pipeline().awaitIdle(Duration.ofSeconds(30))) {
            throw new AssertionError("the pipeline did not settle within 30 s");
        }
    }

    /** A retry offers revision 2 (the hub holds 1). */
    public static void mend(Path data, DossierCode code) throws SQLException {
        update(data, code, "UPDATE sync_revisions SET content_hash = ''");
    }

    private static void update(Path data, DossierCode code, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("motcua.db"))) {
            c.createStatement().execute("PRAGMA busy_timeout = 10000");
            try (PreparedStatement s = c.prepareStatement(statement
                    + " WHERE dossier_id = (SELECT id FROM dossiers WHERE code = ?)")) {
                s.setString(1, code.value());
                if (s.executeUpdate() != 1) {
                    throw new AssertionError("no sync_revisions row for " + code);
                }
            }
        }
    }
}
