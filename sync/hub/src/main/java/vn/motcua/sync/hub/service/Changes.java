package vn.motcua.sync.hub.service;

import static vn.motcua.sync.hub.store.Database.first;
import static vn.motcua.sync.hub.store.Database.list;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.WireJson;

/**
 * The per-counter changes feed. Each change takes the next number of its counter under the counter row's lock,
 * so numbers have no gaps and become visible in order: a reader that only moves its cursor forward never skips
 * nor repeats one. The cursor is that number, versioned and base64url-encoded so counters treat it as opaque.
 */
public final class Changes {
    private static final TypeReference<List<FileRef>> FILES = new TypeReference<>() {
    };
    public static final int MAX_PAGE = 1000;

    private final Database db;

    public Changes(Database db) {
        this.db = db;
    }

    /** Appends a change for the dossier's counter inside the caller's transaction; returns its number. */
    public static long append(Connection c, String code, Api.ChangeKind kind, int status, Instant at, String by,
                              String reason, List<FileRef> files) throws SQLException {
        String counterId = first(c, "select counter_id from dossiers where code = ?", rs -> rs.getString(1), code)
                .orElseThrow(Refusal::notFound);
        long seq = first(c, "update counters set last_seq = last_seq + 1 where id = ? returning last_seq",
                rs -> rs.getLong(1), counterId).orElseThrow();
        Database.update(c, "insert into changes (counter_id, seq, code, kind, status, at, by_name, reason, files) values (?,?,?,?,?,?,?,?,?)",
                counterId, seq, code, kind.name(), status, at, by, reason,
                new Database.Json(new String(WireJson.write(files), StandardCharsets.UTF_8)));
        return seq;
    }

    public Api.ChangesPage page(String counterId, String after, Integer limit) {
        long from = decode(after);
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > MAX_PAGE) {
            throw Refusal.badRequest("limit must be 1–" + MAX_PAGE);
        }
        List<Api.Change> changes = db.read(c -> list(c, """
                select seq, code, kind, status, at, by_name, reason, files::text from changes
                 where counter_id = ? and seq > ? order by seq limit ?""",
                Changes::change,
                counterId, from, n));
        long last = changes.isEmpty() ? from : changes.getLast().seq();
        return new Api.ChangesPage(changes, encode(last));
    }

    /** All changes of one dossier, oldest first: its history on the hub's side. */
    public List<Api.Change> ofDossier(String code) {
        return db.read(c -> list(c, """
                select seq, code, kind, status, at, by_name, reason, files::text from changes where code = ? order by at, seq""",
                Changes::change,
                code));
    }

    private static Api.Change change(java.sql.ResultSet rs) throws SQLException {
        return new Api.Change(rs.getLong(1), rs.getString(2), Api.ChangeKind.valueOf(rs.getString(3)), rs.getInt(4),
                Database.time(rs, "at"), rs.getString(6), rs.getString(7), files(rs.getString(8)));
    }

    private static List<FileRef> files(String json) {
        try {
            return WireJson.mapper().readValue(json, FILES);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored change files no longer read", e);
        }
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith("v1:")) {
                throw Refusal.badRequest("not a cursor this hub gave");
            }
            long seq = Long.parseLong(text.substring(3));
            if (seq < 0) {
                throw Refusal.badRequest("not a cursor this hub gave");
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("not a cursor this hub gave");
        }
    }
}
