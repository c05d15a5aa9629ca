package vn.motcua.sync.hub.service;

import static vn.motcua.sync.hub.store.Database.first;
import static vn.motcua.sync.hub.store.Database.list;
import static vn.motcua.sync.hub.store.Database.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.hub.store.FileStore;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.ManifestRules;
import vn.motcua.sync.wire.Sha256;

/**
 * Files coming in: tus uploads kept in PostgreSQL (offset, parts) and the shared file store (each PATCH's bytes as
 * one part), so an upload started through one instance resumes through any other, also after the first died in
 * the middle of a PATCH. A PATCH counts only when its whole body arrived and its part is stored: the offset moves
 * in a conditional update, so two instances racing on one upload cannot both advance it. The last PATCH joins the
 * parts, checks the SHA-256 and stores the file before the offset reaches the end, so an upload whose offset is at
 * its length always has its file.
 */
public final class Uploads {
    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    private final Database db;
    private final FileStore store;
    private final Path tmp;
    private final Clock clock;

    public Uploads(Database db, FileStore store, Path tmp, Clock clock) {
        this.db = db;
        this.store = store;
        this.tmp = tmp;
        this.clock = clock;
    }

    public FileStore store() {
        return store;
    }

    public record Progress(long offset, long length) {
    }

    public String create(String counterId, long length, String sha256) {
        if (length < 0 || length > ManifestRules.MAX_FILE_BYTES) {
            throw new Refusal(ErrorCode.TOO_LARGE, "Upload-Length must be 0–" + ManifestRules.MAX_FILE_BYTES);
        }
        if (!Sha256.isValid(sha256)) {
            throw Refusal.badRequest("Upload-Metadata must carry sha256 as 64 lower-case hex digits");
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        db.read(c -> update(c, "insert into uploads (id, counter_id, sha256, length) values (?,?,?,?)", id, counterId, sha256, length));
        return id;
    }

    private record Upload(String sha256, long length, long offset, boolean complete) {
    }

    private Upload find(String counterId, String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            throw Refusal.notFound();
        }
        return db.read(c -> first(c, "select sha256, length, upload_offset, completed_at is not null from uploads where id = ? and counter_id = ?",
                rs -> new Upload(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)), id, counterId))
                .orElseThrow(Refusal::notFound);
    }

    public Progress progress(String counterId, String id) {
        Upload u = find(counterId, id);
        return new Progress(u.offset(), u.length());
    }

    /** Takes one PATCH; returns the new offset. */
    public long append(String counterId, String id, long offset, InputStream body) throws IOException {
        Upload u = find(counterId, id);
        if (u.complete() && offset == u.length()) {
            return u.length(); // the answer to a repeated last PATCH
        }
        if (offset != u.offset()) {
            throw new Refusal(ErrorCode.UPLOAD_CONFLICT, "Upload-Offset is " + u.offset());
        }
        Path part = Files.createTempFile(tmp, "patch-", ".part");
        try {
            long remaining = u.length() - offset;
            Received got;
            // hashed while it arrives: a whole file in one PATCH is not read back to check its SHA-256
            MessageDigest digest = Sha256.digest();
            try (OutputStream out = Files.newOutputStream(part)) {
                got = receive(new DigestInputStream(body, digest), out, remaining + 1);
            }
            long n = got.bytes();
            if (n > remaining) {
                throw Refusal.badRequest("more bytes than Upload-Length");
            }
            if (n > 0 || remaining == 0) {
                long end = offset + n;
                if (offset == 0 && end == u.length()) {
                    finishWhole(id, u, part, Sha256.hex(digest)); // the whole file in one PATCH: no parts to keep or join
                } else if (end == u.length()) {
                    store.putPart(id, offset, part);
                    finish(id, u, offset, n);
                } else {
                    advance(id, offset, n, part);
                }
            }
            if (got.cut() != null) {
                throw got.cut(); // nobody hears an answer; the bytes that came are kept for the resumption
            }
            return offset + n;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** What a PATCH body brought, and the read failure that ended it early (a cut link, a stalled client), if any. */
    private record Received(long bytes, IOException cut) {
    }

    /**
     * Copies at most {@code max} bytes of the body. A failure to read is a cut and ends the body where it stopped:
     * tus asks the server to keep as much of a cut PATCH as it received, so a resumption re-sends only what was in
     * flight, whatever the chunk's size. A failure to write is the hub's own and propagates.
     */
    private static Received receive(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < max) {
            int n;
            try {
                n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total));
            } catch (IOException cut) {
                return new Received(total, cut);
            }
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return new Received(total, null);
    }

    private void finishWhole(String id, Upload u, Path file, String actual) throws IOException {
        if (!actual.equals(u.sha256())) {
            discard(id, List.of());
            LOG.atWarn().addKeyValue("event", "checksum_mismatch").addKeyValue("upload", id).log("upload discarded");
            throw new Refusal(ErrorCode.CHECKSUM_MISMATCH, "the bytes do not have the announced SHA-256; start this file again");
        }
        store.put(actual, file);
        // one statement (one round trip, atomic): the offset moves only from 0, and the blob row comes with it
        long moved = db.read(c -> first(c, """
                with moved as (update uploads set upload_offset = ?, completed_at = ? where id = ? and upload_offset = 0 returning id),
                     held as (insert into blobs (sha256, size) select ?, ? from moved on conflict do nothing)
                select count(*) from moved""", rs -> rs.getLong(1), u.length(), clock.instant(), id, actual, u.length())).orElse(0L);
        if (moved != 1) {
            throw new Refusal(ErrorCode.UPLOAD_CONFLICT, "another request moved this upload first");
        }
    }

    /**
     * Moves the upload's offset past a part and stores the part in one transaction. The conditional update comes
     * first and holds the row, so of two PATCHes at one offset (a cut one the hub only now notices, and its
     * resumption) only the one that moved the offset writes the part, and the offset is visible only with it.
     */
    private void advance(String id, long offset, long n, Path part) throws IOException {
        try {
            db.inTransaction(c -> {
                claim(c, id, offset, n, false);
                try {
                    store.putPart(id, offset, part);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                update(c, """
                        insert into upload_parts (upload_id, part_offset, length) values (?,?,?)
                        on conflict (upload_id, part_offset) do update set length = excluded.length""", id, offset, n);
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void claim(Connection c, String id, long offset, long n, boolean complete) throws SQLException {
        int moved = update(c, "update uploads set upload_offset = ?, completed_at = ? where id = ? and upload_offset = ?",
                offset + n, complete ? clock.instant() : null, id, offset);
        if (moved != 1) {
            throw new Refusal(ErrorCode.UPLOAD_CONFLICT, "another request moved this upload first");
        }
    }

    private void finish(String id, Upload u, long lastOffset, long lastLength) throws IOException {
        List<long[]> parts = new ArrayList<>(db.read(c -> list(c,
                "select part_offset, length from upload_parts where upload_id = ? and part_offset < ? order by part_offset",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, id, lastOffset)));
        parts.add(new long[] {lastOffset, lastLength});
        Path whole = Files.createTempFile(tmp, "upload-", ".file");
        try {
            MessageDigest digest = Sha256.digest();
            long expected = 0;
            try (OutputStream out = Files.newOutputStream(whole)) {
                for (long[] p : parts) {
                    if (p[0] != expected) {
                        continue; // a part left by an earlier, longer PATCH at another offset
                    }
                    try (InputStream in = new DigestInputStream(store.openPart(id, p[0]), digest)) {
                        in.transferTo(out); // a part longer or shorter than its row fails the SHA-256 below
                    }
                    expected += p[1];
                }
            }
            String actual = Sha256.hex(digest);
            if (expected != u.length() || !actual.equals(u.sha256())) {
                discard(id, parts);
                LOG.atWarn().addKeyValue("event", "checksum_mismatch").addKeyValue("upload", id).log("upload discarded");
                throw new Refusal(ErrorCode.CHECKSUM_MISMATCH, "the bytes do not have the announced SHA-256; start this file again");
            }
            store.put(actual, whole);
            db.inTransaction(c -> {
                // the parts' files go next, so this commit (and the offset before it) must be on disk first
                update(c, "set local synchronous_commit to on");
                claim(c, id, lastOffset, lastLength, true);
                update(c, "insert into blobs (sha256, size) values (?,?) on conflict do nothing", actual, u.length());
                update(c, "delete from upload_parts where upload_id = ?", id);
                return null;
            });
            for (long[] p : parts) {
                store.deletePart(id, p[0]);
            }
        } finally {
            Files.deleteIfExists(whole);
        }
    }

    private void discard(String id, List<long[]> parts) throws IOException {
        db.inTransaction(c -> update(c, "delete from uploads where id = ?", id));
        for (long[] p : parts) {
            store.deletePart(id, p[0]);
        }
    }

    public boolean held(String sha256) {
        return Sha256.isValid(sha256) && db.read(c -> first(c, "select 1 from blobs where sha256 = ?", rs -> true, sha256)).isPresent();
    }

    /** A file a counter may download: one of its own dossiers names it (as a manifest file or a result). */
    public long sizeForCounter(String counterId, String sha256) {
        if (!Sha256.isValid(sha256)) {
            throw Refusal.notFound();
        }
        return db.read(c -> first(c, """
                select b.size from dossier_files f join dossiers d on d.code = f.code join blobs b on b.sha256 = f.sha256
                 where f.sha256 = ? and d.counter_id = ? limit 1""", rs -> rs.getLong(1), sha256, counterId))
                .orElseThrow(Refusal::notFound);
    }

    /**
     * Stores a file that arrives whole (a result uploaded on the page, a file in a USB package): hashed while copied,
     * refused when {@code expectedSha256} is given and differs or when it is longer than {@code maxBytes}.
     */
    public StoredFile storeWhole(InputStream in, String expectedSha256, long maxBytes) throws IOException {
        Path file = Files.createTempFile(tmp, "whole-", ".file");
        try {
            MessageDigest digest = Sha256.digest();
            long n;
            try (OutputStream out = Files.newOutputStream(file); InputStream hashed = new DigestInputStream(in, digest)) {
                Received got = receive(hashed, out, maxBytes + 1);
                if (got.cut() != null) {
                    throw got.cut(); // a file that arrives whole is kept only whole
                }
                n = got.bytes();
            }
            if (n > maxBytes) {
                throw new Refusal(ErrorCode.TOO_LARGE, "file larger than " + maxBytes + " bytes");
            }
            String sha = Sha256.hex(digest);
            if (expectedSha256 != null && !expectedSha256.equals(sha)) {
                throw new Refusal(ErrorCode.CHECKSUM_MISMATCH, "the file does not have its announced SHA-256");
            }
            store.put(sha, file);
            db.inTransaction(c -> update(c, "insert into blobs (sha256, size) values (?,?) on conflict do nothing", sha, n));
            return new StoredFile(sha, n);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public record StoredFile(String sha256, long size) {
    }

    public InputStream open(String sha256) {
        try {
            return store.open(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
