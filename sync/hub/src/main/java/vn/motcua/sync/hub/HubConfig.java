package vn.motcua.sync.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The hub's settings. Each key is looked up (strongest first) as {@code -Dmotcua.hub.KEY}, environment variable
 * {@code MOTCUA_HUB_KEY} (dots become underscores), then {@code hub.properties} in the data folder. With no
 * {@code db.url} the hub starts its own PostgreSQL in {@code DATA/postgres}; with no {@code s3.endpoint} files go to
 * {@code DATA/files}.
 */
public record HubConfig(
        Path dataDir,
        String bindAddress,
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        URI s3Endpoint,
        String s3Bucket,
        String s3Region,
        String s3AccessKey,
        String s3SecretKey,
        String portalConnector,
        Path portalFolder,
        URI portalUrl,
        Duration exportInterval,
        Duration enrolmentValidity,
        String instanceName) {

    public static final int DEFAULT_PORT = 8686;

    public boolean embeddedDatabase() {
        return dbUrl == null;
    }

    public boolean objectStore() {
        return s3Endpoint != null;
    }

    public HubConfig withPort(int newPort) {
        return new HubConfig(dataDir, bindAddress, newPort, dbUrl, dbUser, dbPassword, dbPoolSize, s3Endpoint, s3Bucket, s3Region,
                s3AccessKey, s3SecretKey, portalConnector, portalFolder, portalUrl, exportInterval, enrolmentValidity,
                instanceName);
    }

    public HubConfig withDatabase(String url, String user, String password) {
        return new HubConfig(dataDir, bindAddress, port, url, user, password, dbPoolSize, s3Endpoint, s3Bucket, s3Region,
                s3AccessKey, s3SecretKey, portalConnector, portalFolder, portalUrl, exportInterval, enrolmentValidity,
                instanceName);
    }

    /** Reads the settings for {@code dataDir} (null: {@code data.dir} setting, else {@code ./hub-data}). */
    public static HubConfig load(Path dataDir, Map<String, String> env) {
        Lookup lookup = new Lookup(env, null);
        Path dir = dataDir != null ? dataDir : lookup.get("data.dir").map(Path::of).orElse(Path.of("hub-data"));
        lookup = new Lookup(env, fileProperties(dir.resolve("hub.properties")));
        return new HubConfig(
                dir.toAbsolutePath(),
                lookup.get("bind").orElse("0.0.0.0"),
                lookup.get("port").map(Integer::parseInt).orElse(DEFAULT_PORT),
                lookup.get("db.url").orElse(null),
                lookup.get("db.user").orElse("motcua_hub"),
                lookup.get("db.password").orElse(""),
                lookup.get("db.pool").map(Integer::parseInt).orElse(16),
                lookup.get("s3.endpoint").map(URI::create).orElse(null),
                lookup.get("s3.bucket").orElse("motcua-hub"),
                lookup.get("s3.region").orElse("us-east-1"),
                lookup.get("s3.access.key").orElse(null),
                lookup.get("s3.secret.key").orElse(null),
                lookup.get("portal.connector").orElse("folder"),
                lookup.get("portal.folder").map(Path::of).orElse(dir.toAbsolutePath().resolve("portal-out")),
                lookup.get("portal.url").map(URI::create).orElse(null),
                lookup.get("export.interval.seconds").map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(Duration.ofSeconds(30)),
                lookup.get("enrolment.days").map(s -> Duration.ofDays(Long.parseLong(s))).orElse(Duration.ofDays(7)),
                lookup.get("instance.name").orElse(defaultInstanceName()));
    }

    private static String defaultInstanceName() {
        return ProcessHandle.current().pid() + "@" + Optional.ofNullable(System.getenv("HOSTNAME")).orElse("hub");
    }

    private static Properties fileProperties(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private record Lookup(Map<String, String> env, Properties file) {
        Optional<String> get(String key) {
            String value = System.getProperty("motcua.hub." + key);
            if (value == null) {
                value = env.get("MOTCUA_HUB_" + key.toUpperCase(Locale.ROOT).replace('.', '_'));
            }
            if (value == null && file != null) {
                value = file.getProperty(key);
            }
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        }
    }
}
