package vn.motcua.counter.adapters.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterUpdates;

/**
 * Updates from the hub: fetches the manifest and its detached signature, checks the signature against the trusted
 * keys before reading anything in it, picks the pinned or the newest version, downloads this installation's package
 * into the update folder and checks its size and SHA-256 against the manifest. The manifest and signature are kept
 * beside the package, so {@link #apply()} checks everything again, with the installation's keys, before it runs the
 * system's installer: a package or manifest changed in the (clerk-writable) update folder is refused.
 */
public final class HubUpdates implements CounterUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(HubUpdates.class);
    static final String WAITING_MANIFEST = "waiting.json";
    static final String WAITING_SIGNATURE = "waiting.json.sig";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param manifestUrl where the hub serves the manifest ({@code .sig} appended: its signature); empty: disabled
     * @param pin the only version to install, or empty for the newest
     * @param kind this installation's package kind: {@code deb} or {@code msi}
     * @param installer the command that installs a package, the package's path appended (e.g. {@code dpkg -i})
     */
    public record Config(Optional<URI> manifestUrl, Optional<String> pin, String currentVersion, String kind,
                         Path folder, List<Path> trustedKeys, List<String> installer, HttpClient.Builder http) {
    }

    private final Config config;

    public HubUpdates(Config config) {
        this.config = config;
    }

    @Override
    public Result check() {
        if (config.manifestUrl().isEmpty()) {
            return new Result(Outcome.DISABLED, "", "updates are off (update.enabled=false or no hub.url)");
        }
        URI url = config.manifestUrl().get();
        try {
            ManifestSignature keys = ManifestSignature.fromFiles(config.trustedKeys());
            if (!keys.trusts()) {
                return refused("", "no update key is trusted (trust/update or update.keys)");
            }
            HttpClient http = config.http().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
            byte[] manifestBytes = get(http, url);
            byte[] signature = get(http, URI.create(url + ".sig"));
            if (!keys.verifies(manifestBytes, signature)) {
                return refused("", "the manifest's signature does not verify with a trusted key: refused");
            }
            UpdateManifest manifest = UpdateManifest.parse(manifestBytes);
            Optional<String> waiting = waiting();
            if (!wanted(manifest.version())) {
                return new Result(Outcome.UP_TO_DATE, config.currentVersion(), "offered " + manifest.version()
                        + config.pin().map(p -> ", pinned to " + p).orElse(""));
            }
            if (waiting.equals(Optional.of(manifest.version()))) {
                return new Result(Outcome.WAITING, manifest.version(), "already downloaded and checked");
            }
            var pkg = manifest.packageFor(config.kind()).orElse(null);
            if (pkg == null) {
                return refused(manifest.version(), "the manifest has no " + config.kind() + " package");
            }
            Path file = download(http, url.resolve(pkg.url()), pkg, manifest.version());
            if (file == null) {
                return refused(manifest.version(), "the package does not match the manifest's size and SHA-256: "
                        + "refused and deleted");
            }
            writeWaiting(manifestBytes, signature);
            LOG.info("update {} downloaded and checked: {}", manifest.version(), file);
            return new Result(Outcome.DOWNLOADED, manifest.version(), file.toString());
        } catch (IOException e) {
            LOG.info("update check: hub not reachable ({})", e.toString());
            return new Result(Outcome.UNREACHABLE, "", e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.UNREACHABLE, "", "interrupted");
        }
    }

    @Override
    public Optional<String> waiting() {
        try {
            Verified verified = verifiedWaiting();
            return verified == null ? Optional.empty() : Optional.of(verified.manifest().version());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Result apply() {
        try {
            Verified verified = verifiedWaiting();
            if (verified == null) {
                return new Result(Outcome.UP_TO_DATE, config.currentVersion(), "no checked update is waiting");
            }
            List<String> command = new java.util.ArrayList<>(config.installer());
            command.add(verified.file().toString());
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                return refused(verified.manifest().version(), String.join(" ", command) + " failed");
            }
            Files.deleteIfExists(config.folder().resolve(WAITING_MANIFEST));
            Files.deleteIfExists(config.folder().resolve(WAITING_SIGNATURE));
            Files.deleteIfExists(verified.file());
            LOG.info("update {} installed", verified.manifest().version());
            return new Result(Outcome.INSTALLED, verified.manifest().version(), String.join(" ", command));
        } catch (IOException e) {
            return refused("", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused("", "interrupted");
        }
    }

    private record Verified(UpdateManifest manifest, Path file) {
    }

    /** The waiting update, checked again from scratch; null when there is none, an exception when it fails a check. */
    private Verified verifiedWaiting() throws IOException {
        Path manifestFile = config.folder().resolve(WAITING_MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return null;
        }
        byte[] manifestBytes = Files.readAllBytes(manifestFile);
        byte[] signature = Files.readAllBytes(config.folder().resolve(WAITING_SIGNATURE));
        if (!ManifestSignature.fromFiles(config.trustedKeys()).verifies(manifestBytes, signature)) {
            throw new IOException("the waiting update's manifest does not verify with a trusted key: refused");
        }
        UpdateManifest manifest = UpdateManifest.parse(manifestBytes);
        var pkg = manifest.packageFor(config.kind()).orElse(null);
        Path file = pkg == null ? null : packageFile(manifest.version());
        if (pkg == null || !wanted(manifest.version())) {
            return null; // pinned to another version since, or already installed
        }
        if (!Files.isRegularFile(file) || Files.size(file) != pkg.size() || !pkg.sha256().equals(sha256(file))) {
            throw new IOException("the waiting package " + file + " no longer matches its manifest: refused");
        }
        return new Verified(manifest, file);
    }

    private boolean wanted(String offered) {
        return config.pin().map(offered::equals).orElse(true)
                && UpdateManifest.compare(offered, config.currentVersion()) > 0;
    }

    private Path packageFile(String version) {
        return config.folder().resolve("motcua-counter-" + version + "." + config.kind());
    }

    /** Downloads at most the manifest's size; null (and nothing kept) when size or SHA-256 differ. */
    private Path download(HttpClient http, URI url, UpdateManifest.Package pkg, String version)
            throws IOException, InterruptedException {
        Files.createDirectories(config.folder());
        Path part = Files.createTempFile(config.folder(), "download", ".part");
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode() + " for " + url);
            }
            MessageDigest digest = sha256Digest();
            long written;
            try (InputStream in = response.body(); OutputStream out = new DigestOutputStream(
                    Files.newOutputStream(part), digest)) {
                written = copyAtMost(in, out, pkg.size() + 1);
            }
            if (written != pkg.size() || !pkg.sha256().equals(HexFormat.of().formatHex(digest.digest()))) {
                LOG.warn("update {}: package from {} has {} bytes and another SHA-256 than the manifest says",
                        version, url, written);
                return null;
            }
            Path file = packageFile(version);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void writeWaiting(byte[] manifest, byte[] signature) throws IOException {
        Path tmp = Files.createTempFile(config.folder(), "waiting", ".tmp");
        Files.write(tmp, signature);
        Files.move(tmp, config.folder().resolve(WAITING_SIGNATURE), StandardCopyOption.REPLACE_EXISTING);
        tmp = Files.createTempFile(config.folder(), "waiting", ".tmp");
        Files.write(tmp, manifest);
        Files.move(tmp, config.folder().resolve(WAITING_MANIFEST), StandardCopyOption.REPLACE_EXISTING);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static byte[] get(HttpClient http, URI url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + url);
        }
        return response.body();
    }

    private static Result refused(String version, String why) {
        LOG.warn("update refused: {}", why);
        return new Result(Outcome.REFUSED, version, why);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
