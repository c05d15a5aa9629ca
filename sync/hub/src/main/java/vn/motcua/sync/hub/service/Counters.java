package vn.motcua.sync.hub.service;

import static vn.motcua.sync.hub.store.Database.first;
import static vn.motcua.sync.hub.store.Database.list;
import static vn.motcua.sync.hub.store.Database.update;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.Keys;
import vn.motcua.sync.wire.WireFormatException;

/**
 * Counters and their credentials: IT staff create a single-use enrolment code for a named counter; the counter
 * trades it for a bearer token (the hub keeps its hash) and leaves its public key; revoking refuses the token
 * from then on. Re-enrolling a counter's name keeps its identity (and its dossiers) with a new credential. A repeat
 * of an enrolment whose answer was lost (same code, same name, same key) gets the same counter with a fresh token.
 */
public final class Counters {
    private static final Logger LOG = LoggerFactory.getLogger(Counters.class);
    private static final Duration SEEN_GRANULARITY = Duration.ofMinutes(1);

    private final Database db;
    private final Clock clock;
    private final Duration codeValidity;
    private final HubKeys hubKeys;

    public Counters(Database db, Clock clock, Duration codeValidity, HubKeys hubKeys) {
        this.db = db;
        this.clock = clock;
        this.codeValidity = codeValidity;
        this.hubKeys = hubKeys;
    }

    /** The calling counter, as the API handlers see it. */
    public record Caller(String id, String name) {
    }

    public record Counter(String id, String name, OffsetDateTime enrolledAt, OffsetDateTime revokedAt,
                          OffsetDateTime lastSeenAt, long dossiers) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public record EnrolmentCode(String code, String counterName, OffsetDateTime expiresAt) {
    }

    public static String normaliseName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.badRequest("a counter name is 1–100 printable characters");
        }
        return name.strip();
    }

    public EnrolmentCode createEnrolmentCode(String counterName, String createdBy) {
        String name = normaliseName(counterName);
        String code = Secrets.enrolmentCode();
        Instant now = clock.instant();
        Instant expires = now.plus(codeValidity);
        db.inTransaction(c -> update(c, "insert into enrolment_codes (code_hash, counter_name, created_by, created_at, expires_at) values (?,?,?,?,?)",
                Secrets.hash(code), name, createdBy, now, expires));
        LOG.atInfo().addKeyValue("event", "enrolment_code_created").addKeyValue("by", createdBy).log("enrolment code created");
        return new EnrolmentCode(code, name, expires.atOffset(java.time.ZoneOffset.ofHours(7)));
    }

    public Api.EnrolResponse enrol(Api.EnrolRequest request) {
        if (request.enrolmentCode() == null || request.counterName() == null || request.publicKey() == null) {
            throw Refusal.badRequest("enrolmentCode, counterName and publicKey are required");
        }
        PublicKey key;
        try {
            key = Keys.decodePublic(request.publicKey());
        } catch (WireFormatException e) {
            throw new Refusal(ErrorCode.BAD_REQUEST, e.getMessage(), "publicKey", null);
        }
        String name = normaliseName(request.counterName());
        String code = request.enrolmentCode().strip().toUpperCase(Locale.ROOT);
        String token = Secrets.token();
        Instant now = clock.instant();
        byte[] keyId = Keys.keyId(key);
        boolean[] repeated = {false};
        String counterId = db.inTransaction(c -> {
            int used = update(c, "update enrolment_codes set used_at = ? where code_hash = ? and used_at is null and expires_at > ? and counter_name = ?",
                    now, Secrets.hash(code), now, name);
            if (used != 1) {
                Optional<String> same = repeatOf(c, Secrets.hash(code), name, keyId, now);
                if (same.isEmpty()) {
                    throw new Refusal(ErrorCode.ENROLMENT_REFUSED, "enrolment code unknown, used, expired or for another counter");
                }
                // the answer to the first request was lost: same counter, same key, a fresh token in place of the old
                update(c, "update counters set token_hash = ? where id = ?", Secrets.hash(token), same.get());
                repeated[0] = true;
                return same.get();
            }
            Optional<String> existing = first(c, "select id from counters where name = ? for update", rs -> rs.getString(1), name);
            String id = existing.orElseGet(() -> UUID.randomUUID().toString());
            if (existing.isPresent()) {
                update(c, "update counters set public_key = ?, key_id = ?, token_hash = ?, enrolled_at = ?, revoked_at = null where id = ?",
                        key.getEncoded(), keyId, Secrets.hash(token), now, id);
            } else {
                update(c, "insert into counters (id, name, public_key, key_id, token_hash, enrolled_at) values (?,?,?,?,?,?)",
                        id, name, key.getEncoded(), keyId, Secrets.hash(token), now);
            }
            return id;
        });
        LOG.atInfo().addKeyValue("event", repeated[0] ? "counter_enrolment_repeated" : "counter_enrolled")
                .addKeyValue("counter", counterId).log(repeated[0] ? "counter enrolment repeated" : "counter enrolled");
        return new Api.EnrolResponse(counterId, token, Keys.encode(hubKeys.publicKey()));
    }

    /**
     * A repeat of an enrolment whose answer was lost: the code (still within its validity) was used by this very
     * enrolment of the named counter (its {@code enrolled_at} is the code's {@code used_at}), the counter holds the
     * same key and is not revoked. The counter's id; empty otherwise (a different key, a later enrolment, …).
     */
    private static Optional<String> repeatOf(Connection c, byte[] codeHash, String name, byte[] keyId, Instant now)
            throws SQLException {
        return first(c, """
                select k.id from enrolment_codes e join counters k on k.name = e.counter_name
                 where e.code_hash = ? and e.counter_name = ? and e.used_at is not null and e.expires_at > ?
                   and k.key_id = ? and k.enrolled_at = e.used_at and k.revoked_at is null
                   for update of k""", rs -> rs.getString(1), codeHash, name, now, keyId);
    }

    /** The counter a bearer token belongs to; unknown → 401, revoked → 403. Notes the contact (once a minute). */
    public Caller authenticate(String token) {
        return authenticate(token, db);
    }

    /** As {@link #authenticate(String)}, on the bulk lane: for uploads and downloads (see {@link Database#bulk()}). */
    public Caller authenticateForFiles(String token) {
        return authenticate(token, db.bulk());
    }

    private Caller authenticate(String token, Database db) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new Refusal(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        record Row(String id, String name, OffsetDateTime revoked, OffsetDateTime seen) {
        }
        Row row = db.read(c -> first(c, "select id, name, revoked_at, last_seen_at from counters where token_hash = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), Database.time(rs, "revoked_at"), Database.time(rs, "last_seen_at")),
                (Object) Secrets.hash(token))).orElseThrow(() -> new Refusal(ErrorCode.UNAUTHENTICATED, "unknown token"));
        if (row.revoked() != null) {
            throw new Refusal(ErrorCode.COUNTER_REVOKED, "this counter was revoked");
        }
        Instant now = clock.instant();
        if (row.seen() == null || row.seen().toInstant().plus(SEEN_GRANULARITY).isBefore(now)) {
            db.read(c -> update(c, "update counters set last_seen_at = ? where id = ?", now, row.id()));
        }
        return new Caller(row.id(), row.name());
    }

    public boolean revoke(String counterName, String by) {
        String name = normaliseName(counterName);
        Instant now = clock.instant();
        int n = db.inTransaction(c -> update(c, "update counters set revoked_at = ? where name = ? and revoked_at is null", now, name));
        if (n == 1) {
            LOG.atInfo().addKeyValue("event", "counter_revoked").addKeyValue("by", by).log("counter revoked");
        }
        return n == 1;
    }

    public List<Counter> list() {
        return db.read(c -> Database.list(c, """
                select c.id, c.name, c.enrolled_at, c.revoked_at, c.last_seen_at,
                       (select count(*) from dossiers d where d.counter_id = c.id) as dossiers
                  from counters c order by c.name""",
                rs -> new Counter(rs.getString("id"), rs.getString("name"), Database.time(rs, "enrolled_at"),
                        Database.time(rs, "revoked_at"), Database.time(rs, "last_seen_at"), rs.getLong("dossiers"))));
    }

    /** For USB packages: the enrolled, unrevoked counter holding this key. */
    public Optional<CounterKey> byKeyId(Connection c, byte[] keyId) throws SQLException {
        return first(c, "select id, public_key from counters where key_id = ? and revoked_at is null",
                rs -> new CounterKey(rs.getString(1), storedKey(rs.getBytes(2))), (Object) keyId);
    }

    public record CounterKey(String counterId, PublicKey publicKey) {
    }

    private static PublicKey storedKey(byte[] encoded) {
        try {
            return Keys.decodePublic(java.util.Base64.getEncoder().encodeToString(encoded));
        } catch (WireFormatException e) {
            throw new IllegalStateException("a counter's stored key no longer reads", e);
        }
    }

    public Optional<CounterKey> byKeyId(byte[] keyId) {
        return db.read(c -> byKeyId(c, keyId));
    }
}
