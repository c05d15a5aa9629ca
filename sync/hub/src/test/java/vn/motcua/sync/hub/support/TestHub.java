package vn.motcua.sync.hub.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import vn.motcua.sync.hub.Hub;
import vn.motcua.sync.hub.HubConfig;
import vn.motcua.sync.hub.http.HubServer;

/** A hub running in the test JVM on a loopback port, over a fresh test database and a file store of the test's. */
public final class TestHub implements AutoCloseable {
    public final Hub hub;
    public final HubServer server;
    public final URI base;

    private TestHub(Hub hub, HubServer server) {
        this.hub = hub;
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    /** Settings as environment variables (the same path production takes). */
    public static Map<String, String> env(String dbUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("MOTCUA_HUB_DB_URL", dbUrl);
        env.put("MOTCUA_HUB_DB_USER", "postgres");
        env.put("MOTCUA_HUB_BIND", "127.0.0.1");
        env.put("MOTCUA_HUB_PORT", "0");
        env.put("MOTCUA_HUB_DB_POOL", "8");
        return env;
    }

    public static TestHub start(Path dataDir) throws IOException {
        return start(dataDir, env(TestPostgres.newDatabase()));
    }

    public static TestHub start(Path dataDir, Map<String, String> env) throws IOException {
        HubConfig config = HubConfig.load(dataDir, env);
        Hub hub = new Hub(config);
        return new TestHub(hub, new HubServer(hub, 0));
    }

    public CounterClient enrolCounter(String name) throws Exception {
        String code = hub.counters().createEnrolmentCode(name, "test").code();
        return CounterClient.enrol(base, code, name);
    }

    /** One number from the hub's database, for "nothing stored" checks. */
    public long count(String sql) {
        return hub.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Rows of every table a request could write to. */
    public Map<String, Long> footprint() {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : new String[] {"dossiers", "manifests", "dossier_files", "blobs", "uploads", "upload_parts", "changes", "exports", "counters"}) {
            rows.put(table, count("select count(*) from " + table));
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        server.close();
        hub.close();
    }

}
