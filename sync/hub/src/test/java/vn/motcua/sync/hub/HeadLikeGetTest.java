package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Sha256;

/**
 * A HEAD that fails answers as the GET of the same resource does (RFC 9110 §9.3.2): the same status and the same
 * headers (the JSON error's Content-Type, Tus-Resumable on uploads, Tus-Version on 412), only without the body. A
 * client that asks HEAD (a tus resume, a blob check) branches on the same status and headers as on GET.
 */
class HeadLikeGetTest {
    /** Headers that legitimately differ between two answers (or are absent for HEAD, which has no body). */
    private static final List<String> VARYING = List.of("date", "content-length");

    @TempDir
    Path dir;

    @Test
    void failingHeadsAnswerAsTheirGetWithoutBody() throws Exception {
        try (TestHub hub = TestHub.start(dir)) {
            CounterClient counter = hub.enrolCounter("Quầy HEAD");
            CounterClient other = hub.enrolCounter("Quầy khác");
            byte[] file = "trang của quầy khác".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            other.upload(file);
            String upload = counter.createUpload(Sha256.hex(new byte[] {1}), 1);
            CounterClient revoked = hub.enrolCounter("Quầy thu hồi");
            hub.hub.counters().revoke("Quầy thu hồi", "test");

            Map<String, String> tokens = Map.of("counter", counter.token, "revoked", revoked.token, "none", "", "unknown", "x".repeat(40));
            // each failing HEAD beside the request that names the same resource: GET, or for a tus upload (which has
            // no GET) its PATCH, refused for the same reason before any byte counts
            record Case(String path, String who, int status, String peer) {
                Case(String path, String who, int status) {
                    this(path, who, status, "GET");
                }
            }
            List<Case> cases = List.of(
                    new Case("/api/v1/changes", "none", 401),
                    new Case("/api/v1/changes", "unknown", 401),
                    new Case("/api/v1/changes", "revoked", 403),
                    new Case("/api/v1/changes?limit=zwei", "counter", 400),
                    new Case("/api/v1/no-such-thing", "counter", 404),
                    new Case("/api/v9/changes", "counter", 426),
                    new Case("/api/v1/uploads/" + "0".repeat(32), "counter", 404),
                    new Case("/api/v1/blobs/" + Sha256.hex(new byte[] {9}), "counter", 404),
                    new Case("/api/v1/blobs/not-a-sha", "counter", 404),
                    new Case("/api/v1/blobs/" + Sha256.hex(file), "revoked", 403),
                    new Case("/api/v1/uploads/" + "0".repeat(32), "counter", 404, "PATCH"),
                    new Case(upload, "unknown", 401, "PATCH"),
                    new Case(upload, "revoked", 403, "PATCH"));
            for (Case c : cases) {
                HttpResponse<String> get = send(counter, c.path(), c.peer(), tokens.get(c.who()), c.path().contains("/uploads/"));
                HttpResponse<String> head = send(counter, c.path(), "HEAD", tokens.get(c.who()), c.path().contains("/uploads/"));
                assertThat(get.statusCode()).as(c.peer() + " " + c).isEqualTo(c.status());
                assertThat(head.statusCode()).as("HEAD " + c).isEqualTo(get.statusCode());
                assertThat(headers(head)).as("HEAD headers " + c).isEqualTo(headers(get));
                assertThat(head.headers().firstValue("Content-Type").orElse("")).as(c.toString()).matches("application/json; ?charset=utf-8");
                assertThat(head.body()).as(c.toString()).isEmpty();
                assertThat(get.body()).as(c.toString()).startsWith("{\"error\":");
            }

            // a staff page without a session: HEAD is sent to the sign-in page as GET is (it said 200 before)
            HttpResponse<String> pageGet = send(counter, "/ho-so", "GET", "", false);
            HttpResponse<String> pageHead = send(counter, "/ho-so", "HEAD", "", false);
            assertThat(pageGet.statusCode()).isEqualTo(302);
            assertThat(pageHead.statusCode()).isEqualTo(302);
            assertThat(pageHead.headers().firstValue("Location")).isEqualTo(pageGet.headers().firstValue("Location")).hasValue("/dang-nhap");

            // a tus HEAD of another version is 412 with the version the hub speaks, as every tus request
            HttpResponse<String> oldTus = counter.send(counter.request(upload).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Tus-Resumable", "0.2.2").build());
            assertThat(oldTus.statusCode()).isEqualTo(412);
            assertThat(oldTus.headers().firstValue("Tus-Version")).hasValue("1.0.0");
            // and a HEAD that succeeds still says what it did before
            assertThat(counter.offset(upload)).isZero();
        }
    }

    private static HttpResponse<String> send(CounterClient counter, String path, String method, String token, boolean tus)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(counter.base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        if (tus) {
            b.header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream");
        }
        return counter.send(b.build());
    }

    private static Map<String, List<String>> headers(HttpResponse<?> r) {
        Map<String, List<String>> out = new TreeMap<>();
        r.headers().map().forEach((name, values) -> {
            if (!VARYING.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                out.put(name.toLowerCase(java.util.Locale.ROOT), values);
            }
        });
        return out;
    }
}
