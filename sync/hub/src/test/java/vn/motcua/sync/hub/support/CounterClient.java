package vn.motcua.sync.hub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.Keys;
import vn.motcua.sync.wire.Sha256;
import vn.motcua.sync.wire.WireJson;

/**
 * Speaks protocol version 1 to a hub as a counter would, over real HTTP on loopback: enrolment, tus uploads in
 * chunks, manifests, the changes feed. (The counter's own client is {@code sync/client}; this one lets the hub's
 * tests say exactly which request goes out.)
 */
public final class CounterClient {
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final URI base;
    public final String token;
    public final String counterId;
    public final KeyPair keys;
    public final Api.EnrolResponse enrolment;
    private final HttpClient http;

    public CounterClient(URI base, String token, String counterId, KeyPair keys, Api.EnrolResponse enrolment) {
        this(base, token, counterId, keys, enrolment, HTTP);
    }

    private CounterClient(URI base, String token, String counterId, KeyPair keys, Api.EnrolResponse enrolment, HttpClient http) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.counterId = counterId;
        this.keys = keys;
        this.enrolment = enrolment;
    }

    public static CounterClient enrol(URI base, String code, String name) throws Exception {
        return enrol(base, code, name, Keys.generate());
    }

    /** Enrols with a given key pair (a repeat of a lost answer sends the same key again). */
    public static CounterClient enrol(URI base, String code, String name, KeyPair keys) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/enrol"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.write(new Api.EnrolRequest(code, name, Keys.encode(keys.getPublic())))))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("enrol: " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        Api.EnrolResponse e = WireJson.read(r.body(), Api.EnrolResponse.class);
        return new CounterClient(base, e.token(), e.counterId(), keys, e);
    }

    /** The same counter talking to another instance. */
    public CounterClient via(URI otherBase) {
        return new CounterClient(otherBase, token, counterId, keys, enrolment, http);
    }

    /** The same counter sending through another HTTP client (the load benchmark's lower-priority uploads). */
    public CounterClient using(HttpClient other) {
        return new CounterClient(base, token, counterId, keys, enrolment, other);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POST creating an upload; its path. */
    public String createUpload(String sha256, long length) throws Exception {
        HttpResponse<String> r = send(request("/api/v1/uploads/").POST(HttpRequest.BodyPublishers.noBody())
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", "sha256 " + Base64.getEncoder().encodeToString(sha256.getBytes(StandardCharsets.US_ASCII))).build());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create upload: " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("Location").orElseThrow();
    }

    public HttpResponse<String> patch(String location, long offset, byte[] chunk) throws Exception {
        return patch(location, offset, chunk, 0, chunk.length);
    }

    /**
     * A PATCH of {@code length} bytes of {@code data} from {@code from}, read out as the request goes:
     * {@code ofByteArray} copies the whole body into 16 kB buffers before sending, and 200 counters' copies in flight
     * kept the load benchmark's collector busy.
     */
    private HttpResponse<String> patch(String location, long offset, byte[] data, int from, int length) throws Exception {
        HttpRequest.BodyPublisher body = length == 0 ? HttpRequest.BodyPublishers.noBody() // fromPublisher wants > 0
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(data, from, length)), length);
        return send(request(location).method("PATCH", body)
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream").build());
    }

    public long offset(String location) throws Exception {
        HttpResponse<String> r = send(request(location).method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Tus-Resumable", "1.0.0").build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HEAD upload: " + r.statusCode());
        }
        return Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** Uploads a whole file in chunks; returns the last PATCH's status (204, or 460 on a checksum mismatch). */
    public int upload(byte[] data, String announcedSha, int chunk) throws Exception {
        String location = createUpload(announcedSha, data.length);
        int status = 204;
        for (int off = 0; off < data.length || (data.length == 0 && off == 0); off += chunk) {
            HttpResponse<String> r = patch(location, off, data, off, Math.min(data.length, off + chunk) - off);
            status = r.statusCode();
            if (status != 204) {
                return status;
            }
            if (data.length == 0) {
                break;
            }
        }
        return status;
    }

    public int upload(byte[] data) throws Exception {
        return upload(data, Sha256.hex(data), 256 * 1024);
    }

    public HttpResponse<String> put(DossierManifest m) throws Exception {
        return putRaw(m.code(), WireJson.write(m));
    }

    public HttpResponse<String> putRaw(String code, byte[] body) throws Exception {
        return send(request("/api/v1/dossiers/" + code).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").build());
    }

    public Api.ChangesPage changes(String after) throws Exception {
        HttpResponse<String> r = send(request("/api/v1/changes" + (after == null ? "" : "?after=" + after)).GET().build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("changes: " + r.statusCode() + " " + r.body());
        }
        return WireJson.read(r.body().getBytes(StandardCharsets.UTF_8), Api.ChangesPage.class);
    }
}
