package vn.motcua.counter.adapters.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.CounterUpdates.Outcome;
import vn.motcua.counter.application.CounterUpdates.Result;

/**
 * The counter's side of updates against a hub of the test's own on loopback, serving a manifest signed the way the
 * operations guide tells IT staff to sign it (openssl, Ed25519), and a package.
 */
class HubUpdatesTest {

    @TempDir
    Path work;

    private HttpServer hub;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private Path key;
    private Path publicKey;
    private Path folder;
    private byte[] deb;

    @BeforeEach
    void start() throws Exception {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        hub.start();
        key = work.resolve("release-key.pem");
        publicKey = work.resolve("release-key.pub.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", key.toString());
        openssl("pkey", "-in", key.toString(), "-pubout", "-out", publicKey.toString());
        folder = work.resolve("updates");
        deb = new byte[300_000];
        new Random(15).nextBytes(deb);
        served.put("/api/v1/updates/motcua-counter_0.2.0_amd64.deb", deb);
    }

    @AfterEach
    void stop() {
        hub.stop(0);
    }

    private URI manifestUrl() {
        return URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/api/v1/updates/manifest.json");
    }

    private HubUpdates updates(Optional<String> pin, List<String> installer) {
        return new HubUpdates(new HubUpdates.Config(Optional.of(manifestUrl()), pin, "0.1.0", "deb", folder,
                List.of(publicKey), installer, HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)));
    }

    private HubUpdates updates() {
        return updates(Optional.empty(), List.of("false"));
    }

    private String manifest(String version, byte[] pkg) throws Exception {
        return """
                {"format": 1, "product": "motcua-counter", "version": "%s", "released": "2026-12-10",
                 "notes": "Sửa lỗi in giấy hẹn",
                 "packages": [{"kind": "msi", "url": "MotcuaCounter-%s.msi", "size": 1, "sha256": "%s"},
                              {"kind": "deb", "url": "motcua-counter_0.2.0_amd64.deb", "size": %d, "sha256": "%s"}]}
                """.formatted(version, version, "0".repeat(64), pkg.length, sha256(pkg));
    }

    /** Serves {@code manifest} with a signature made by {@code signer} over exactly its bytes. */
    private void serve(String manifest, Path signer) throws Exception {
        Path file = work.resolve("manifest.json");
        Files.writeString(file, manifest, StandardCharsets.UTF_8);
        Path signature = work.resolve("manifest.json.sig");
        openssl("pkeyutl", "-sign", "-inkey", signer.toString(), "-rawin", "-in", file.toString(), "-out",
                signature.toString());
        served.put("/api/v1/updates/manifest.json", Files.readAllBytes(file));
        served.put("/api/v1/updates/manifest.json.sig", Files.readAllBytes(signature));
    }

    @Test
    void downloadsAndChecksANewerVersionThenInstallsItWhenApplied() throws Exception {
        serve(manifest("0.2.0", deb), key);
        Result checked = updates().check();
        assertThat(checked.outcome()).as(checked.detail()).isEqualTo(Outcome.DOWNLOADED);
        assertThat(checked.version()).isEqualTo("0.2.0");
        assertThat(Files.readAllBytes(folder.resolve("motcua-counter-0.2.0.deb"))).isEqualTo(deb);
        assertThat(updates().waiting()).contains("0.2.0");
        assertThat(updates().check().outcome()).as("not downloaded twice").isEqualTo(Outcome.WAITING);

        Path installed = work.resolve("installed.deb");
        Result applied = updates(Optional.empty(), List.of("sh", "-c", "cp \"$1\" " + installed, "install")).apply();
        assertThat(applied.outcome()).as(applied.detail()).isEqualTo(Outcome.INSTALLED);
        assertThat(Files.readAllBytes(installed)).isEqualTo(deb);
        assertThat(updates().waiting()).isEmpty();
    }

    @Test
    void aTamperedManifestIsRefusedBeforeAnythingIsDownloaded() throws Exception {
        serve(manifest("0.2.0", deb), key);
        String signed = new String(served.get("/api/v1/updates/manifest.json"), StandardCharsets.UTF_8);
        byte[] other = new byte[1000];
        served.put("/api/v1/updates/motcua-counter_0.2.0_amd64.deb", other);
        served.put("/api/v1/updates/manifest.json", signed.replace(sha256(deb), sha256(other))
                .replace("\"size\": " + deb.length, "\"size\": 1000").getBytes(StandardCharsets.UTF_8));
        requests.set(0);
        Result result = updates().check();
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.detail()).contains("signature does not verify");
        assertThat(requests.get()).as("manifest and signature only, no package").isEqualTo(2);
        assertThat(folder).doesNotExist();
    }

    @Test
    void aManifestSignedByAnotherKeyIsRefused() throws Exception {
        Path stranger = work.resolve("stranger.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", stranger.toString());
        serve(manifest("0.2.0", deb), stranger);
        assertThat(updates().check().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(updates().waiting()).isEmpty();
    }

    @Test
    void aTamperedPackageIsRefusedAndNotKept() throws Exception {
        serve(manifest("0.2.0", deb), key);
        byte[] tampered = deb.clone();
        tampered[1234] ^= 1;
        served.put("/api/v1/updates/motcua-counter_0.2.0_amd64.deb", tampered);
        Result result = updates().check();
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.detail()).contains("does not match the manifest");
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
        assertThat(updates().waiting()).isEmpty();
    }

    @Test
    void aPackageChangedWhileWaitingIsNotInstalled() throws Exception {
        serve(manifest("0.2.0", deb), key);
        assertThat(updates().check().outcome()).isEqualTo(Outcome.DOWNLOADED);
        Path waiting = folder.resolve("motcua-counter-0.2.0.deb");
        byte[] swapped = deb.clone();
        swapped[0] ^= 1;
        Files.write(waiting, swapped);
        Path installed = work.resolve("installed.deb");
        Result applied = updates(Optional.empty(), List.of("sh", "-c", "cp \"$1\" " + installed, "install")).apply();
        assertThat(applied.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(installed).doesNotExist();
    }

    @Test
    void aPinnedVersionIsTheOnlyOneInstalled() throws Exception {
        serve(manifest("0.3.0", deb), key);
        Result pinned = updates(Optional.of("0.2.0"), List.of("false")).check();
        assertThat(pinned.outcome()).isEqualTo(Outcome.UP_TO_DATE);
        assertThat(pinned.detail()).contains("offered 0.3.0, pinned to 0.2.0");
        assertThat(folder).doesNotExist();
        serve(manifest("0.2.0", deb), key);
        assertThat(updates(Optional.of("0.2.0"), List.of("false")).check().outcome()).isEqualTo(Outcome.DOWNLOADED);
    }

    @Test
    void turnedOffItAsksNothing() {
        Result off = new HubUpdates(new HubUpdates.Config(Optional.empty(), Optional.empty(), "0.1.0", "deb", folder,
                List.of(publicKey), List.of("false"), HttpClient.newBuilder())).check();
        assertThat(off.outcome()).isEqualTo(Outcome.DISABLED);
        assertThat(requests.get()).isZero();
    }

    @Test
    void versionsCompareByNumber() {
        assertThat(UpdateManifest.compare("0.10.0", "0.9.1")).isPositive();
        assertThat(UpdateManifest.compare("0.2", "0.2.0")).isZero();
        assertThat(UpdateManifest.compare("0.1.0-SNAPSHOT", "0.1.1")).isNegative();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
