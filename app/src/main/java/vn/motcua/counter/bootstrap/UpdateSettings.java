package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import vn.motcua.counter.adapters.update.HubUpdates;

/**
 * The update settings read as what they mean (docs/decisions/0902-updates.md): where the manifest is, which keys are
 * trusted, the pinned version, this installation's package kind and installer, the update folder, the proxy.
 */
final class UpdateSettings {

    static final String ENABLED = "update.enabled";
    static final String URL = "update.url";
    static final String PIN = "update.pin";
    static final String KEYS = "update.keys";
    static final String MANIFEST_PATH = "api/v1/updates/manifest.json";

    private UpdateSettings() {
    }

    static HubUpdates.Config config(Settings settings) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        Optional<URI> manifest = "false".equalsIgnoreCase(settings.get(ENABLED).orElse("true")) ? Optional.empty()
                : settings.get(URL).map(URI::create).or(() -> settings.get("hub.url")
                        .map(hub -> URI.create(hub.endsWith("/") ? hub : hub + "/").resolve(MANIFEST_PATH)));
        return new HubUpdates.Config(manifest, settings.get(PIN), currentVersion(), windows ? "msi" : "deb",
                folder(settings, windows), trustedKeys(settings),
                windows ? List.of("msiexec", "/qn", "/norestart", "/i") : List.of("dpkg", "-i"), http(settings));
    }

    static String currentVersion() {
        String version = UpdateSettings.class.getPackage().getImplementationVersion();
        return version == null ? "0" : version.split("-", 2)[0];
    }

    /**
     * An installed counter downloads into the machine's update folder, which the boot-time step reads as
     * administrator; a checkout or portable copy into its data folder.
     */
    private static Path folder(Settings settings, boolean windows) {
        if (Installation.folder().isPresent()) {
            String programData = System.getenv("ProgramData");
            Path machine = windows ? (programData == null ? null : Path.of(programData, "MotcuaCounter", "updates"))
                    : Path.of("/var/lib/motcua-counter/updates");
            if (machine != null && Files.isDirectory(machine) && Files.isWritable(machine)) {
                return machine;
            }
        }
        return settings.dataDirectory().resolve("updates");
    }

    /** {@code update.keys}, then the keys installed with the application ({@code trust/update/*.pem}). */
    private static List<Path> trustedKeys(Settings settings) {
        List<Path> keys = new ArrayList<>(settings.list(KEYS).stream().map(Path::of).toList());
        Installation.folder().map(app -> app.resolve("trust").resolve("update")).filter(Files::isDirectory)
                .ifPresent(folder -> {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.filter(f -> f.toString().endsWith(".pem")).sorted().forEach(keys::add);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        return keys;
    }

    /** The proxy of {@code proxy.*}: direct, the system's (default), or a named HTTP proxy. */
    private static HttpClient.Builder http(Settings settings) {
        HttpClient.Builder http = HttpClient.newBuilder();
        return switch (settings.get("proxy.mode").orElse("system")) {
            case "direct" -> http.proxy(HttpClient.Builder.NO_PROXY);
            case "http" -> http.proxy(ProxySelector.of(new InetSocketAddress(settings.require("proxy.host"),
                    Integer.parseInt(settings.require("proxy.port")))));
            default -> http.proxy(ProxySelector.getDefault());
        };
    }
}
