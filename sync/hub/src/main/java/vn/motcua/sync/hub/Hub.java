package vn.motcua.sync.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.export.Exports;
import vn.motcua.sync.hub.export.FolderConnector;
import vn.motcua.sync.hub.export.HttpConnector;
import vn.motcua.sync.hub.export.PortalConnector;
import vn.motcua.sync.hub.http.HubMetrics;
import vn.motcua.sync.hub.service.Changes;
import vn.motcua.sync.hub.service.Counters;
import vn.motcua.sync.hub.service.HubKeys;
import vn.motcua.sync.hub.service.Manifests;
import vn.motcua.sync.hub.service.Packages;
import vn.motcua.sync.hub.service.Processing;
import vn.motcua.sync.hub.service.Staff;
import vn.motcua.sync.hub.service.Uploads;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.hub.store.DiskFileStore;
import vn.motcua.sync.hub.store.EmbeddedDatabase;
import vn.motcua.sync.hub.store.FileStore;
import vn.motcua.sync.hub.store.S3FileStore;

/**
 * The composition root: builds the stores and services once from the settings, for the server and for the
 * commands alike. Holds no state of its own beyond connections: everything lives in PostgreSQL and the file store.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final HubConfig config;
    private final EmbeddedDatabase embedded;
    private final Database db;
    private final FileStore store;
    private final Path tmp;
    private final HubKeys keys;
    private final Counters counters;
    private final Uploads uploads;
    private final Exports exports;
    private final Manifests manifests;
    private final Changes changes;
    private final Processing processing;
    private final Staff staff;
    private final Packages packages;
    private final PortalConnector connector;
    private final HubMetrics metrics;
    private ScheduledExecutorService exporter;

    public Hub(HubConfig config) throws IOException {
        this.config = config;
        Files.createDirectories(config.dataDir());
        this.tmp = Files.createDirectories(config.dataDir().resolve("tmp"));
        EmbeddedDatabase pg = null;
        String url = config.dbUrl();
        String user = config.dbUser();
        String password = config.dbPassword();
        if (config.embeddedDatabase()) {
            pg = startWhileWarmingUp(config.dataDir());
            url = pg.jdbcUrl();
            user = EmbeddedDatabase.USER;
            password = "";
        }
        this.embedded = pg;
        try {
            this.db = new Database(url, user, password, config.dbPoolSize());
        } catch (RuntimeException e) {
            if (pg != null) {
                pg.close();
            }
            throw e;
        }
        this.store = config.objectStore()
                ? new S3FileStore(config.s3Endpoint(), config.s3Region(), config.s3Bucket(), config.s3AccessKey(), config.s3SecretKey()).ensureBucket()
                : new DiskFileStore(config.dataDir());
        Clock clock = Clock.systemUTC();
        this.keys = new HubKeys(db);
        this.counters = new Counters(db, clock, config.enrolmentValidity(), keys);
        this.uploads = new Uploads(db.bulk(), store, tmp, clock);
        this.exports = new Exports(db, clock);
        this.manifests = new Manifests(db, clock, exports);
        this.changes = new Changes(db);
        this.processing = new Processing(db, clock, exports);
        this.staff = new Staff(db, clock);
        this.packages = new Packages(db, keys, counters, manifests, uploads, tmp, clock);
        this.connector = "http".equals(config.portalConnector()) && config.portalUrl() != null
                ? new HttpConnector(config.portalUrl()) : new FolderConnector(config.portalFolder());
        this.metrics = new HubMetrics(this::exportQueue, this::countersSeen);
        LOG.atInfo().addKeyValue("store", store.describe()).addKeyValue("portal", connector.describe())
                .addKeyValue("database", config.embeddedDatabase() ? "embedded" : "configured").log("hub ready");
    }

    /**
     * Starts the embedded PostgreSQL (seconds: initdb on a new folder, then the server) in the background and
     * meanwhile loads the classes the next steps need, so a cold {@code serve} overlaps the two.
     */
    private static EmbeddedDatabase startWhileWarmingUp(Path dataDir) throws IOException {
        java.util.concurrent.CompletableFuture<EmbeddedDatabase> pg = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return EmbeddedDatabase.open(dataDir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (String name : new String[] {"org.postgresql.Driver", "com.zaxxer.hikari.HikariDataSource", "org.flywaydb.core.Flyway",
                "io.javalin.Javalin", "org.eclipse.jetty.server.Server", "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
                "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule", "io.prometheus.metrics.core.metrics.Counter"}) {
            try {
                Class.forName(name, true, Hub.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.atDebug().addKeyValue("class", name).log("warm-up skipped");
            }
        }
        try {
            return pg.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private Map<String, Long> exportQueue() {
        Map<String, Long> out = new LinkedHashMap<>();
        exports.counts().forEach((state, n) -> out.put(state.name(), n));
        return out;
    }

    private long countersSeen() {
        Instant since = Instant.now().minus(Duration.ofDays(1));
        return db.read(c -> Database.first(c, "select count(*) from counters where last_seen_at > ?", rs -> rs.getLong(1), since)).orElse(0L);
    }

    /** Starts sending due portal exports every {@code export.interval.seconds} in the background. */
    public void startExporter() {
        exporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portal-exporter");
            t.setDaemon(true);
            return t;
        });
        long every = config.exportInterval().toMillis();
        exporter.scheduleWithFixedDelay(() -> {
            try {
                exports.runDue(connector, 100);
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("export pass failed");
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    public Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        try {
            db.read(c -> Database.first(c, "select 1", rs -> 1));
            health.put("database", "ok");
        } catch (RuntimeException e) {
            health.put("database", "unavailable");
        }
        try {
            store.check();
            health.put("store", "ok");
        } catch (IOException | RuntimeException e) {
            health.put("store", "unavailable");
        }
        return health;
    }

    public HubConfig config() {
        return config;
    }

    public Database database() {
        return db;
    }

    public Path tmp() {
        return tmp;
    }

    public HubKeys keys() {
        return keys;
    }

    public Counters counters() {
        return counters;
    }

    public Uploads uploads() {
        return uploads;
    }

    public Exports exports() {
        return exports;
    }

    public Manifests manifests() {
        return manifests;
    }

    public Changes changes() {
        return changes;
    }

    public Processing processing() {
        return processing;
    }

    public Staff staff() {
        return staff;
    }

    public Packages packages() {
        return packages;
    }

    public PortalConnector connector() {
        return connector;
    }

    public HubMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() throws IOException {
        if (exporter != null) {
            exporter.shutdownNow();
        }
        db.close();
        if (store instanceof S3FileStore s3) {
            s3.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
