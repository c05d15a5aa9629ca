package vn.motcua.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.wire.Keys;

/**
 * A misbehaving server (garbage, 500, 503, slow answers, a certificate of another CA, no server at all): the client
 * fails with the right kind and code, and keeps its state.
 */
class BadServerTest {
    @TempDir
    Path dir;
    HttpServer server;
    volatile String mode = "garbage";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(com.sun.net.httpserver.HttpExchange x) throws java.io.IOException {
        x.getRequestBody().readAllBytes();
        switch (mode) {
            case "garbage" -> send(x, 200, "<html>Trang đăng nhập Wi-Fi</html>");
            case "500" -> send(x, 500, "{\"error\":\"internal\",\"message\":\"boom\"}");
            case "busy" -> {
                x.getResponseHeaders().add("Retry-After", "7");
                send(x, 503, "{\"error\":\"busy\",\"message\":\"busy\"}");
            }
            case "slow" -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, "{\"changes\":[],\"cursor\":\"x\"}");
            }
            default -> send(x, 200, "{\"changes\":[],\"cursor\":\"djE6MA\"}");
        }
    }

    private static void send(com.sun.net.httpserver.HttpExchange x, int status, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, "HEAD".equals(x.getRequestMethod()) ? -1 : b.length);
        if (!"HEAD".equals(x.getRequestMethod())) {
            x.getResponseBody().write(b);
        }
        x.close();
    }

    private JdbcSyncState enrolledState(String file) {
        JdbcSyncState state = Fixture.sqlite(dir.resolve(file));
        var pair = Keys.generate();
        state.saveCredential(new CounterCredential("c-1", "token-1", pair, Keys.generate().getPublic()));
        state.saveCursor("cursor-before");
        return state;
    }

    private HubClient client(URI uri, JdbcSyncState state) {
        return HubClient.builder(uri).proxy(ProxySettings.direct()).state(state).maxCuts(2)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2)).build();
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void expect(ThrowingCall call, SyncException.Kind kind, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        });
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void garbageFiveHundredsBusyAndSlowAnswersAreTransientAndLoseNothing() throws Exception {
        JdbcSyncState state = enrolledState("s.db");
        Outgoing d = Fixture.dossier(dir.resolve("f"), Dossiers.code(6, 1), 1, 1, 1000);
        try (HubClient client = client(uri(), state)) {
            mode = "garbage";
            expect(() -> client.pullChanges(c -> { }), SyncException.Kind.TRANSIENT, "sync.error.server");
            expect(() -> Fixture.client(uri(), dir.resolve("fresh.db")).enrol("code", "Quầy"),
                    SyncException.Kind.TRANSIENT, "sync.error.server");
            mode = "500";
            expect(() -> client.deliver(d.manifest(), d.filesBySha256(), null), SyncException.Kind.TRANSIENT, "sync.error.server");
            expect(() -> client.pullChanges(c -> { }), SyncException.Kind.TRANSIENT, "sync.error.server");
            mode = "busy";
            assertThatThrownBy(() -> client.pullChanges(c -> { })).isInstanceOfSatisfying(SyncException.class, e -> {
                assertThat(e.kind()).isEqualTo(SyncException.Kind.TRANSIENT);
                assertThat(e.code()).isEqualTo("sync.error.busy");
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            });
            mode = "slow";
            long t0 = System.nanoTime();
            expect(() -> client.pullChanges(c -> { }), SyncException.Kind.TRANSIENT, "sync.error.timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2900));
        }
        assertThat(state.credential()).get().extracting(CounterCredential::token).isEqualTo("token-1");
        assertThat(state.cursor()).contains("cursor-before");
        // nothing listens: offline
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (HubClient client = client(URI.create("http://127.0.0.1:" + closed), state)) {
            expect(() -> client.deliver(d.manifest(), d.filesBySha256(), null), SyncException.Kind.TRANSIENT, "sync.error.offline");
        }
    }

    @Test
    void aCertificateOfAnotherCaIsBlockedAndThePinnedCaIsTrusted() throws Exception {
        TestTls good = new TestTls("Hub CA");
        TestTls other = new TestTls("Other CA");
        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(good.serverContext()));
        mode = "ok";
        tls.createContext("/", this::answer);
        tls.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + tls.getAddress().getPort());
            JdbcSyncState state = enrolledState("tls.db");
            try (HubClient client = HubClient.builder(uri).proxy(ProxySettings.direct()).state(state)
                    .pinnedCa(other.writeCaPem(dir.resolve("other.pem"))).build()) {
                expect(() -> client.pullChanges(c -> { }), SyncException.Kind.BLOCKED, "sync.error.certificate");
            }
            // without a pinned CA the JDK's trust store does not know a private CA either
            try (HubClient client = HubClient.builder(uri).proxy(ProxySettings.direct()).state(state).build()) {
                expect(() -> client.pullChanges(c -> { }), SyncException.Kind.BLOCKED, "sync.error.certificate");
            }
            try (HubClient client = HubClient.builder(uri).proxy(ProxySettings.direct()).state(state)
                    .pinnedCa(good.writeCaPem(dir.resolve("good.pem"))).build()) {
                assertThat(client.pullChanges(c -> { })).isZero();
                assertThat(state.cursor()).contains("djE6MA");
            }
        } finally {
            tls.stop(0);
        }
    }
}
