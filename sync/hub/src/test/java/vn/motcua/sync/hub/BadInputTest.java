package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Sha256;
import vn.motcua.sync.wire.WireJson;

/**
 * Bad input to every endpoint: a clear 4xx with the protocol's error code, nothing stored, nothing leaked (no
 * stack trace, no library names, no personal data from the request echoed back).
 */
class BadInputTest {
    @TempDir
    static Path data;
    static TestHub hub;
    static CounterClient counter;
    static CounterClient other;
    static String othersUpload;
    static final Dossiers.Sample SAMPLE = Dossiers.sample(Dossiers.code(6, 1), 61, 1, 1000);

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start(data);
        counter = hub.enrolCounter("Quầy thử dữ liệu xấu");
        other = hub.enrolCounter("Quầy khác");
        counter.upload(SAMPLE.files().getFirst());
        othersUpload = other.createUpload("a".repeat(64), 10);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    private static String manifestJson() {
        return new String(WireJson.write(SAMPLE.manifest()), StandardCharsets.UTF_8);
    }

    private static HttpRequest put(String code, String body) {
        return counter.request("/api/v1/dossiers/" + code).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest raw(String rawPath, String method, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.base + rawPath)).header("Authorization", "Bearer " + counter.token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return b.build();
    }

    private static HttpRequest tusCreate(Map<String, String> headers) {
        return raw("/api/v1/uploads/", "POST", null, headers);
    }

    private static HttpRequest patch(String location, String contentType, String offset, byte[] body) {
        return raw(location, "PATCH", body, Map.of("Tus-Resumable", "1.0.0", "Content-Type", contentType, "Upload-Offset", offset));
    }

    private static String meta(String sha) {
        return "sha256 " + Base64.getEncoder().encodeToString(sha.getBytes(StandardCharsets.US_ASCII));
    }

    static Stream<Arguments> requests() {
        String code = SAMPLE.manifest().code();
        String json = manifestJson();
        byte[] huge = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        return Stream.of(
                Arguments.of("manifest: malformed JSON", (Req) () -> put(code, "{\"code\": "), 400, "bad_manifest"),
                Arguments.of("manifest: revision as text", (Req) () -> put(code, json.replace("\"revision\":1", "\"revision\":\"1\"")), 400, "bad_manifest"),
                Arguments.of("manifest: status as object", (Req) () -> put(code, json.replace("\"status\":2", "\"status\":{}")), 400, "bad_manifest"),
                Arguments.of("manifest: status 11", (Req) () -> put(code, json.replace("\"status\":2", "\"status\":11")), 400, "bad_manifest"),
                Arguments.of("manifest: file name with a path", (Req) () -> put(code, json.replace("trang-1.jpg", "../../etc/passwd")), 400, "bad_manifest"),
                Arguments.of("manifest: upper-case hash", (Req) () -> put(code, json.replace(Sha256.hex(SAMPLE.files().getFirst()),
                        Sha256.hex(SAMPLE.files().getFirst()).toUpperCase())), 400, "bad_manifest"),
                Arguments.of("manifest: 2 MB body", (Req) () -> raw("/api/v1/dossiers/" + code, "PUT", huge, Map.of()), 413, "too_large"),
                Arguments.of("manifest: path names another code", (Req) () -> put(Dossiers.code(6, 2), json), 400, "bad_manifest"),
                Arguments.of("manifest: path trick", (Req) () -> raw("/api/v1/dossiers/..%2F..%2Fetc%2Fpasswd", "PUT", json.getBytes(StandardCharsets.UTF_8), Map.of()), 400, null),
                Arguments.of("manifest: dot segments", (Req) () -> raw("/api/v1/dossiers/%2e%2e", "PUT", json.getBytes(StandardCharsets.UTF_8), Map.of()), 400, null),
                Arguments.of("manifest: no token", (Req) () -> HttpRequest.newBuilder(hub.base.resolve("/api/v1/dossiers/" + code))
                        .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), 401, "unauthenticated"),
                Arguments.of("enrol: malformed JSON", (Req) () -> raw("/api/v1/enrol", "POST", "{".getBytes(), Map.of()), 400, "bad_request"),
                Arguments.of("enrol: number for a code", (Req) () -> raw("/api/v1/enrol", "POST",
                        "{\"enrolmentCode\":12,\"counterName\":\"x\",\"publicKey\":\"x\"}".getBytes(), Map.of()), 400, "bad_request"),
                Arguments.of("enrol: not a key", (Req) () -> raw("/api/v1/enrol", "POST",
                        "{\"enrolmentCode\":\"AAAA\",\"counterName\":\"x\",\"publicKey\":\"bm90\"}".getBytes(), Map.of()), 400, "bad_request"),
                Arguments.of("enrol: 2 MB body", (Req) () -> raw("/api/v1/enrol", "POST", huge, Map.of()), 413, "too_large"),
                Arguments.of("upload: no length", (Req) () -> tusCreate(Map.of("Tus-Resumable", "1.0.0", "Upload-Metadata", meta("a".repeat(64)))), 400, "bad_request"),
                Arguments.of("upload: negative length", (Req) () -> tusCreate(Map.of("Tus-Resumable", "1.0.0", "Upload-Length", "-5", "Upload-Metadata", meta("a".repeat(64)))), 400, "bad_request"),
                Arguments.of("upload: 10 GB", (Req) () -> tusCreate(Map.of("Tus-Resumable", "1.0.0", "Upload-Length", "10000000000", "Upload-Metadata", meta("a".repeat(64)))), 413, "too_large"),
                Arguments.of("upload: hash not hex", (Req) () -> tusCreate(Map.of("Tus-Resumable", "1.0.0", "Upload-Length", "5", "Upload-Metadata", meta("../../x"))), 400, "bad_request"),
                Arguments.of("upload: metadata not base64", (Req) () -> tusCreate(Map.of("Tus-Resumable", "1.0.0", "Upload-Length", "5", "Upload-Metadata", "sha256 %%%")), 400, "bad_request"),
                Arguments.of("upload: other tus version", (Req) () -> tusCreate(Map.of("Tus-Resumable", "0.2.2", "Upload-Length", "5", "Upload-Metadata", meta("a".repeat(64)))), 412, null),
                Arguments.of("upload: another counter's upload", (Req) () -> patch(othersUpload, "application/offset+octet-stream", "0", new byte[10]), 404, "not_found"),
                Arguments.of("upload: unknown id", (Req) () -> patch("/api/v1/uploads/..%2F..%2Fetc", "application/offset+octet-stream", "0", new byte[10]), 404, null),
                Arguments.of("blob: path trick", (Req) () -> raw("/api/v1/blobs/..%2F..%2F..%2Fetc%2Fpasswd", "GET", null, Map.of()), 404, null),
                Arguments.of("blob: not a hash", (Req) () -> raw("/api/v1/blobs/passwd", "GET", null, Map.of()), 404, "not_found"),
                Arguments.of("changes: forged cursor", (Req) () -> raw("/api/v1/changes?after=djI6OTk5", "GET", null, Map.of()), 400, "bad_request"),
                Arguments.of("changes: cursor not base64", (Req) () -> raw("/api/v1/changes?after=%25%25", "GET", null, Map.of()), 400, "bad_request"),
                Arguments.of("changes: limit too big", (Req) () -> raw("/api/v1/changes?limit=100000", "GET", null, Map.of()), 400, "bad_request"),
                Arguments.of("changes: limit not a number", (Req) () -> raw("/api/v1/changes?limit=abc", "GET", null, Map.of()), 400, "bad_request"),
                Arguments.of("unknown protocol version", (Req) () -> raw("/api/v2/changes", "GET", null, Map.of()), 426, "upgrade_required"));
    }

    @FunctionalInterface
    interface Req {
        HttpRequest build() throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void isRefusedClearlyAndStoresNothing(String name, Req request, int status, String error) throws Exception {
        Map<String, Long> before = hub.footprint();
        HttpResponse<String> r = CounterClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(name).isEqualTo(status);
        if (error != null) {
            assertThat(r.body()).as(name).contains("\"error\":\"" + error + "\"");
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
        assertThat(r.body()).as(name).doesNotContain("Exception").doesNotContain("at vn.").doesNotContain("jetty")
                .doesNotContain("javalin").doesNotContain("jackson").doesNotContain("Nguyễn").doesNotContain("postgres");
        assertThat(hub.footprint()).as(name).isEqualTo(before);
    }

    @ParameterizedTest(name = "upload: {0}")
    @MethodSource("badPatches")
    void aBadPatchLeavesNoFile(String name, String contentType, int extra, int status, String error) throws Exception {
        byte[] file = "một tệp nhỏ để thử".getBytes(StandardCharsets.UTF_8);
        Map<String, Long> before = hub.footprint();
        String location = counter.createUpload(Sha256.hex(file), file.length);
        byte[] body = java.util.Arrays.copyOf(file, file.length + extra);
        if (extra < 0) {
            body = "khác hẳn nội dung tệp".getBytes(StandardCharsets.UTF_8);
            body = java.util.Arrays.copyOf(body, file.length);
        }
        HttpResponse<String> r = CounterClient.HTTP.send(patch(location, contentType, "0", body), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).contains(error);
        assertThat(hub.count("select count(*) from blobs")).isEqualTo(before.get("blobs"));
        assertThat(hub.count("select count(*) from upload_parts")).isEqualTo(before.get("upload_parts"));
    }

    static Stream<Arguments> badPatches() {
        return Stream.of(
                Arguments.of("wrong content type", "application/json", 0, 400, "bad_request"),
                Arguments.of("more bytes than announced", "application/offset+octet-stream", 5, 400, "bad_request"),
                Arguments.of("bytes of another file", "application/offset+octet-stream", -1, 460, "checksum_mismatch"));
    }
}
