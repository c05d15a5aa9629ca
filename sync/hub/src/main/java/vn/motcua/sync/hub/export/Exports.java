package vn.motcua.sync.hub.export;

import static vn.motcua.sync.hub.store.Database.list;
import static vn.motcua.sync.hub.store.Database.update;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.WireJson;

/**
 * The durable queue of portal exports. A record is built when the dossier or its status changes (in the same
 * transaction), so a retry sends exactly what was due. Any instance may send: a row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and held while it is sent, so two instances never send the same row at once.
 * A failure waits 30 s, 1 min, 2 min… (at most an hour) and after {@link #MAX_ATTEMPTS} stays FAILED, visible on
 * the IT page and in {@code ./motcua-hub export}, until someone retries it.
 */
public final class Exports {
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
    public static final String DOSSIER = "DongBoHoSoMC";
    public static final String PROGRESS = "CapNhatTienDoHoSoMC";
    public static final int MAX_ATTEMPTS = 8;

    public enum State { PENDING, SENT, FAILED }

    public record Export(long id, String code, String service, State state, int attempts, OffsetDateTime nextAttemptAt,
                         String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    /** What one pass did. */
    public record Pass(int sent, int failed, List<Export> tried) {
    }

    private final Database db;
    private final Clock clock;

    public Exports(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void enqueueDossier(Connection c, DossierManifest m, boolean updating) throws SQLException {
        enqueue(c, m.code(), DOSSIER, WireJson.write(PortalRecords.dossier(m, updating)));
    }

    /**
     * The tail of a statement that queues a dossier's record: {@code insert into exports … select … where}, its six
     * values bound by {@link #bindDossier}; the caller ends it with its condition. For a caller that writes the
     * dossier in the same statement (one round trip; {@code Manifests}).
     */
    public static final String ENQUEUE_DOSSIER_WHERE = """
            insert into exports (code, service, payload, state, next_attempt_at, created_at)
            select ?, ?, ?::jsonb, ?, ?, ? where""";

    /** Binds {@link #ENQUEUE_DOSSIER_WHERE}'s values after parameter {@code i}; the last parameter index bound. */
    public int bindDossier(java.sql.PreparedStatement s, int i, DossierManifest m, boolean updating, Instant now) throws SQLException {
        s.setString(++i, m.code());
        s.setString(++i, DOSSIER);
        s.setString(++i, new String(WireJson.write(PortalRecords.dossier(m, updating)), StandardCharsets.UTF_8));
        s.setString(++i, State.PENDING.name());
        s.setTimestamp(++i, java.sql.Timestamp.from(now));
        s.setTimestamp(++i, java.sql.Timestamp.from(now));
        return i;
    }

    public void enqueueProgress(Connection c, String code, byte[] body) throws SQLException {
        enqueue(c, code, PROGRESS, body);
    }

    private void enqueue(Connection c, String code, String service, byte[] body) throws SQLException {
        Instant now = clock.instant();
        update(c, "insert into exports (code, service, payload, state, next_attempt_at, created_at) values (?,?,?,?,?,?)",
                code, service, new Database.Json(new String(body, StandardCharsets.UTF_8)), State.PENDING.name(), now, now);
    }

    /** Sends what is due, up to {@code limit} rows, oldest first. */
    public Pass runDue(PortalConnector connector, int limit) {
        int sent = 0;
        int failed = 0;
        List<Export> tried = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            Export one = db.inTransaction(c -> sendOne(c, connector));
            if (one == null) {
                break;
            }
            tried.add(one);
            if (one.state() == State.SENT) {
                sent++;
            } else {
                failed++;
            }
        }
        return new Pass(sent, failed, tried);
    }

    private Export sendOne(Connection c, PortalConnector connector) throws SQLException {
        Instant now = clock.instant();
        record Due(long id, String code, String service, String payload, int attempts) {
        }
        List<Due> due = list(c, """
                select id, code, service, payload::text, attempts from exports
                 where state = 'PENDING' and next_attempt_at <= ? order by id limit 1 for update skip locked""",
                rs -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)), now);
        if (due.isEmpty()) {
            return null;
        }
        Due d = due.getFirst();
        int attempts = d.attempts() + 1;
        try {
            connector.send(d.service(), d.code(), d.id(), d.payload().getBytes(StandardCharsets.UTF_8));
            update(c, "update exports set state = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?", attempts, now, d.id());
            LOG.atInfo().addKeyValue("event", "export_sent").addKeyValue("code", d.code()).addKeyValue("service", d.service()).log("exported");
        } catch (Exception e) {
            State next = attempts >= MAX_ATTEMPTS ? State.FAILED : State.PENDING;
            Duration wait = Duration.ofSeconds(30L << Math.min(attempts - 1, 7)).compareTo(Duration.ofHours(1)) > 0
                    ? Duration.ofHours(1) : Duration.ofSeconds(30L << Math.min(attempts - 1, 7));
            String error = String.valueOf(e.getMessage());
            update(c, "update exports set state = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
                    next.name(), attempts, now.plus(wait), error.length() > 500 ? error.substring(0, 500) : error, d.id());
            LOG.atWarn().addKeyValue("event", "export_failed").addKeyValue("code", d.code()).addKeyValue("attempts", attempts)
                    .addKeyValue("error", e.getClass().getSimpleName()).log("export failed");
        }
        return list(c, "select * from exports where id = ?", Exports::row, d.id()).getFirst();
    }

    private static Export row(java.sql.ResultSet rs) throws SQLException {
        return new Export(rs.getLong("id"), rs.getString("code"), rs.getString("service"), State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Database.time(rs, "next_attempt_at"), rs.getString("last_error"),
                Database.time(rs, "created_at"), Database.time(rs, "sent_at"));
    }

    /** Puts a failed (or waiting) export back at the head of the queue. */
    public boolean retry(long id) {
        Instant now = clock.instant();
        return db.inTransaction(c -> update(c, "update exports set state = 'PENDING', next_attempt_at = ? where id = ? and state <> 'SENT'", now, id)) == 1;
    }

    /** The newest exports that are not sent, then the newest sent ones; at most {@code limit}. */
    public List<Export> recent(int limit) {
        return db.read(c -> list(c, "select * from exports order by (state = 'SENT'), id desc limit ?", Exports::row, limit));
    }

    public Map<State, Long> counts() {
        Map<State, Long> counts = new LinkedHashMap<>();
        for (State s : State.values()) {
            counts.put(s, 0L);
        }
        db.read(c -> list(c, "select state, count(*) from exports group by state", rs -> {
            counts.put(State.valueOf(rs.getString(1)), rs.getLong(2));
            return null;
        }));
        return counts;
    }
}
