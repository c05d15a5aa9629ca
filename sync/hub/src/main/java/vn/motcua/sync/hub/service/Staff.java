package vn.motcua.sync.hub.service;

import static vn.motcua.sync.hub.store.Database.first;
import static vn.motcua.sync.hub.store.Database.update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.store.Database;

/**
 * Staff accounts of the web page: processing officers and IT administrators. Passwords are kept as Argon2id
 * (Bouncy Castle; 19 MiB, 2 passes, OWASP's minimum) in the PHC string format; five wrong passwords lock the
 * account for 15 minutes. A login opens a session kept in PostgreSQL (so any instance serves it) under the hash of
 * a random cookie, with its own CSRF token; it ends after 8 hours or at logout.
 */
public final class Staff {
    private static final Logger LOG = LoggerFactory.getLogger(Staff.class);
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PASSES = 2;
    private static final int MAX_FAILURES = 5;
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final Duration SESSION = Duration.ofHours(8);
    public static final int MIN_PASSWORD = 10;

    public enum Role {
        OFFICER("Cán bộ xử lý"), ADMIN("Quản trị CNTT");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Member(String name, String displayName, Role role) {
    }

    public record Session(String token, String csrf, Member member) {
    }

    private final Database db;
    private final Clock clock;

    public Staff(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void add(String name, String displayName, Role role, char[] password) {
        String login = checkName(name);
        checkPassword(password);
        String hash = hash(password);
        db.inTransaction(c -> {
            if (first(c, "select 1 from staff where name = ?", rs -> true, login).isPresent()) {
                throw Refusal.badRequest("an account named " + login + " exists");
            }
            return update(c, "insert into staff (name, display_name, role, password_hash, created_at) values (?,?,?,?,?)",
                    login, displayName == null || displayName.isBlank() ? login : displayName.strip(), role.name(), hash, clock.instant());
        });
        LOG.atInfo().addKeyValue("event", "staff_added").addKeyValue("role", role).log("staff account added");
    }

    public void setPassword(String name, char[] password) {
        checkPassword(password);
        String hash = hash(password);
        int n = db.inTransaction(c -> update(c, "update staff set password_hash = ?, failed_logins = 0, locked_until = null where name = ?", hash, name));
        if (n != 1) {
            throw Refusal.notFound();
        }
    }

    /** A session for the right password; empty for a wrong one, an unknown name or a locked account. */
    public Optional<Session> login(String name, char[] password) {
        Instant now = clock.instant();
        record Account(String display, Role role, String hash, int failures, Instant lockedUntil, boolean disabled) {
        }
        Optional<Account> account = db.read(c -> first(c, "select display_name, role, password_hash, failed_logins, locked_until, disabled_at is not null from staff where name = ?",
                rs -> new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getBoolean(6)), name == null ? "" : name));
        if (account.isEmpty()) {
            hash(password); // the same time as a wrong password: names cannot be probed
            return Optional.empty();
        }
        Account a = account.get();
        if (a.disabled() || (a.lockedUntil() != null && a.lockedUntil().isAfter(now))) {
            return Optional.empty();
        }
        if (!verify(password, a.hash())) {
            int failures = a.failures() + 1;
            db.inTransaction(c -> update(c, "update staff set failed_logins = ?, locked_until = ? where name = ?",
                    failures >= MAX_FAILURES ? 0 : failures, failures >= MAX_FAILURES ? now.plus(LOCK) : null, name));
            LOG.atWarn().addKeyValue("event", "login_failed").log("wrong password");
            return Optional.empty();
        }
        String token = Secrets.token();
        String csrf = Secrets.token();
        db.inTransaction(c -> {
            update(c, "update staff set failed_logins = 0, locked_until = null where name = ?", name);
            update(c, "delete from web_sessions where expires_at < ?", now);
            return update(c, "insert into web_sessions (token_hash, staff_name, csrf, created_at, expires_at) values (?,?,?,?,?)",
                    Secrets.hash(token), name, csrf, now, now.plus(SESSION));
        });
        LOG.atInfo().addKeyValue("event", "login").addKeyValue("role", a.role()).log("staff logged in");
        return Optional.of(new Session(token, csrf, new Member(name, a.display(), a.role())));
    }

    public Optional<Session> session(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return db.read(c -> first(c, """
                select s.csrf, m.name, m.display_name, m.role from web_sessions s join staff m on m.name = s.staff_name
                 where s.token_hash = ? and s.expires_at > ? and m.disabled_at is null""",
                rs -> new Session(token, rs.getString(1), new Member(rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)))),
                Secrets.hash(token), clock.instant()));
    }

    public void logout(String token) {
        if (token != null) {
            db.inTransaction(c -> update(c, "delete from web_sessions where token_hash = ?", (Object) Secrets.hash(token)));
        }
    }

    private static String checkName(String name) {
        if (name == null || !name.matches("[a-z0-9._-]{3,40}")) {
            throw Refusal.badRequest("a login name is 3–40 of a–z, 0–9, '.', '_', '-'");
        }
        return name;
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw Refusal.badRequest("a password has at least " + MIN_PASSWORD + " characters");
        }
    }

    static String hash(char[] password) {
        byte[] salt = Secrets.randomBytes(16);
        byte[] out = argon2(password, salt, MEMORY_KIB, PASSES, 1);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
    }

    static boolean verify(char[] password, String phc) {
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String kv : parts[3].split(",")) {
            int value = Integer.parseInt(kv.substring(2));
            switch (kv.charAt(0)) {
                case 'm' -> m = value;
                case 't' -> t = value;
                case 'p' -> p = value;
                default -> {
                    return false;
                }
            }
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[5]);
        return MessageDigest.isEqual(expected, argon2(password, b64.decode(parts[4]), m, t, p));
    }

    private static byte[] argon2(char[] password, byte[] salt, int memoryKib, int passes, int lanes) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(passes).withParallelism(lanes).build());
        byte[] out = new byte[32];
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(bytes, out);
        java.util.Arrays.fill(bytes, (byte) 0);
        return out;
    }
}
