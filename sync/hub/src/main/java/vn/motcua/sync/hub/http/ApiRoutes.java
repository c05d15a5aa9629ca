package vn.motcua.sync.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import vn.motcua.sync.hub.service.Changes;
import vn.motcua.sync.hub.service.Counters;
import vn.motcua.sync.hub.service.Manifests;
import vn.motcua.sync.hub.service.Refusal;
import vn.motcua.sync.hub.service.Uploads;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.ManifestRules;
import vn.motcua.sync.wire.WireFormatException;
import vn.motcua.sync.wire.WireJson;

/** The counters' API, protocol version 1 ({@code sync/PROTOCOL.md}): enrolment, tus uploads, blobs, manifests, changes. */
final class ApiRoutes {
    static final String TUS_VERSION = "1.0.0";
    private static final String UPLOADS = Api.PREFIX + "/uploads";

    private final Counters counters;
    private final Uploads uploads;
    private final Manifests manifests;
    private final Changes changes;
    private final HubMetrics metrics;
    private final BulkLane bulk;

    ApiRoutes(Counters counters, Uploads uploads, Manifests manifests, Changes changes, HubMetrics metrics,
              BulkLane bulk) {
        this.counters = counters;
        this.uploads = uploads;
        this.manifests = manifests;
        this.changes = changes;
        this.metrics = metrics;
        this.bulk = bulk;
    }

    void register(RoutesConfig routes) {
        routes.post(Api.PREFIX + "/enrol", this::enrol);
        routes.head(Api.PREFIX + "/blobs/{sha256}", onBulkLane(this::blobHead));
        routes.get(Api.PREFIX + "/blobs/{sha256}", onBulkLane(this::blobGet));
        routes.options(UPLOADS, this::tusOptions);
        routes.options(UPLOADS + "/", this::tusOptions);
        routes.post(UPLOADS, onBulkLane(this::tusCreate));
        routes.post(UPLOADS + "/", onBulkLane(this::tusCreate));
        routes.head(UPLOADS + "/{id}", onBulkLane(this::tusHead));
        routes.patch(UPLOADS + "/{id}", onBulkLane(this::tusPatch));
        routes.put(Api.PREFIX + "/dossiers/{code}", this::putManifest);
        GetAndHead.get(routes, Api.PREFIX + "/changes", this::changes);
    }

    /**
     * A files route handled whole on the bulk lane: the token check, the bookkeeping and an upload's bytes, so that
     * under a burst of files the hub's own threads are left to manifests, the changes feed, {@code /health} and the
     * pages. (A download's bytes are written after the handler returns, on the request's own thread.)
     */
    private Handler onBulkLane(FilesRoute route) {
        return ctx -> bulk.run(() -> {
            route.handle(ctx);
            return null;
        });
    }

    @FunctionalInterface
    private interface FilesRoute {
        void handle(Context ctx) throws IOException;
    }

    private Counters.Caller caller(Context ctx) {
        return counters.authenticate(token(ctx));
    }

    /** The caller of an upload or download: checked on the bulk lane, so a burst of files queues apart from manifests. */
    private Counters.Caller filesCaller(Context ctx) {
        return counters.authenticateForFiles(token(ctx));
    }

    private static String token(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(WireJson.write(body));
    }

    /** Reads a small JSON body, refusing it before reading when it announces more than {@code max} bytes. */
    private static byte[] smallBody(Context ctx, int max) throws IOException {
        long announced = ctx.req().getContentLengthLong();
        if (announced > max) {
            throw new Refusal(ErrorCode.TOO_LARGE, "body larger than " + max + " bytes");
        }
        try (InputStream in = new CountingInputStream(ctx.bodyInputStream())) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw new Refusal(ErrorCode.TOO_LARGE, "body larger than " + max + " bytes");
            }
            return body;
        }
    }

    private void enrol(Context ctx) throws IOException {
        Api.EnrolRequest request;
        try {
            request = WireJson.read(smallBody(ctx, 16 * 1024), Api.EnrolRequest.class);
        } catch (WireFormatException e) {
            throw new Refusal(ErrorCode.BAD_REQUEST, e.getMessage(), e.field(), null);
        }
        json(ctx, 201, counters.enrol(request));
    }

    private void blobHead(Context ctx) {
        filesCaller(ctx);
        if (!uploads.held(ctx.pathParam("sha256"))) {
            throw Refusal.notFound(); // the error's headers, as GET's 404
        }
        ctx.status(200);
    }

    private void blobGet(Context ctx) {
        Counters.Caller caller = filesCaller(ctx);
        String sha = ctx.pathParam("sha256");
        long size = uploads.sizeForCounter(caller.id(), sha);
        // stored files are JPEG and PDF already; compressing a body sent with its Content-Length would cut it short
        ctx.disableCompression();
        ctx.status(200).contentType("application/octet-stream").header("Content-Length", Long.toString(size))
                .result(uploads.open(sha));
    }

    private void tusOptions(Context ctx) {
        ctx.status(204).header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation").header("Tus-Max-Size", Long.toString(ManifestRules.MAX_FILE_BYTES));
    }

    private static void tusVersion(Context ctx) {
        ctx.header("Tus-Resumable", TUS_VERSION);
        if (!TUS_VERSION.equals(ctx.header("Tus-Resumable"))) {
            throw new TusVersionMismatch();
        }
    }

    /** tus answers a client of another version 412 with the version it speaks. */
    static final class TusVersionMismatch extends RuntimeException {
        TusVersionMismatch() {
            super("Tus-Resumable 1.0.0 is required", null, false, false);
        }
    }

    private void tusCreate(Context ctx) {
        Counters.Caller caller = filesCaller(ctx);
        tusVersion(ctx);
        long length = longHeader(ctx, "Upload-Length");
        String sha = metadata(ctx.header("Upload-Metadata"), "sha256");
        String id = uploads.create(caller.id(), length, sha);
        ctx.status(201).header("Location", UPLOADS + "/" + id);
    }

    private void tusHead(Context ctx) {
        Counters.Caller caller = filesCaller(ctx);
        tusVersion(ctx);
        Uploads.Progress p = uploads.progress(caller.id(), ctx.pathParam("id"));
        ctx.status(200).header("Upload-Offset", Long.toString(p.offset())).header("Upload-Length", Long.toString(p.length()))
                .header("Cache-Control", "no-store");
    }

    private void tusPatch(Context ctx) throws IOException {
        Counters.Caller caller = filesCaller(ctx);
        tusVersion(ctx);
        if (!"application/offset+octet-stream".equals(ctx.contentType())) {
            throw new Refusal(ErrorCode.BAD_REQUEST, "Content-Type must be application/offset+octet-stream", "Content-Type", null);
        }
        long offset = longHeader(ctx, "Upload-Offset");
        CountingInputStream body = new CountingInputStream(bulk.gated(ctx.bodyInputStream()));
        try {
            long end = uploads.append(caller.id(), ctx.pathParam("id"), offset, body);
            ctx.status(204).header("Upload-Offset", Long.toString(end));
        } finally {
            metrics.received("upload", body.count());
        }
    }

    private static long longHeader(Context ctx, String name) {
        String value = ctx.header(name);
        try {
            long n = Long.parseLong(value == null ? "" : value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Refusal(ErrorCode.BAD_REQUEST, name + " must be a whole number of bytes", name, null);
        }
    }

    /** tus metadata: comma-separated {@code key base64(value)} pairs. */
    static String metadata(String header, String key) {
        if (header == null) {
            throw new Refusal(ErrorCode.BAD_REQUEST, "Upload-Metadata with sha256 is required", "Upload-Metadata", null);
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.strip().split(" ", 2);
            if (kv[0].equals(key) && kv.length == 2) {
                try {
                    return new String(Base64.getDecoder().decode(kv[1].strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw new Refusal(ErrorCode.BAD_REQUEST, "Upload-Metadata must carry sha256 in base64", "Upload-Metadata", null);
    }

    private void putManifest(Context ctx) throws IOException {
        Counters.Caller caller = caller(ctx);
        String outcome = ErrorCode.INTERNAL;
        try {
            byte[] body = smallBody(ctx, WireJson.MAX_MANIFEST_BYTES);
            metrics.received("manifest", body.length);
            Api.ManifestAccepted accepted = manifests.accept(caller.id(), ctx.pathParam("code"), body, Manifests.Via.NETWORK);
            outcome = ErrorCode.ACCEPTED;
            json(ctx, 200, accepted);
        } catch (Refusal r) {
            outcome = r.code();
            throw r;
        } finally {
            metrics.manifest(outcome);
        }
    }

    private void changes(Context ctx) {
        Counters.Caller caller = caller(ctx);
        Integer limit;
        try {
            limit = ctx.queryParam("limit") == null ? null : Integer.valueOf(ctx.queryParam("limit"));
        } catch (NumberFormatException e) {
            throw Refusal.badRequest("limit must be a number");
        }
        json(ctx, 200, changes.page(caller.id(), ctx.queryParam("after"), limit));
    }

    /** Reading a request's body failed: the client went away (or stalled) before sending all of it. */
    static final class ClientGone extends IOException {
        ClientGone(IOException cause) {
            super("the client's request body ended early", cause);
        }
    }

    /** A request's body: counts its bytes; a failure to read it is the client's ({@link ClientGone}). */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw new ClientGone(e);
            }
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw new ClientGone(e);
            }
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
