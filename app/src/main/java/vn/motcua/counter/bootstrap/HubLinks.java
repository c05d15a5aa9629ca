package vn.motcua.counter.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.adapters.sync.ClientHubLink;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.sync.client.HubClient;
import vn.motcua.sync.client.JdbcSyncState;
import vn.motcua.sync.client.ProxySettings;

/**
 * The hub link from the settings ({@code hub.url}, {@code hub.ca}, {@code sync.bandwidth}, {@code proxy.*}); none
 * without {@code hub.url} (sync off). The client keeps its credential, upload offsets and cursor in its own
 * {@code sync_*} tables of the counter's SQLite file. With {@code hub.enrolment} set and no credential yet, the
 * counter enrols at start; a refusal or a revoked counter is logged and told by the indicator, the data kept.
 */
final class HubLinks {

    private static final Logger LOG = LoggerFactory.getLogger(HubLinks.class);

    private HubLinks() {
    }

    /** {@code enrolled} runs once a start-up enrolment succeeded (the waiting dossiers are unblocked). */
    static Optional<ClientHubLink> from(Settings settings, Path databaseFile, String counterName,
                                        java.util.function.Consumer<ClientHubLink> enrolled) {
        Optional<String> url = settings.get("hub.url").filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        HubClient.Builder builder = HubClient.builder(URI.create(url.get()))
                .state(new JdbcSyncState(() -> connect(databaseFile)))
                .proxy(proxy(settings))
                .parallelFiles(2);   // a second file's chunks fill the first's round trips (decision 0801)
        settings.get("hub.ca").filter(s -> !s.isBlank()).ifPresent(ca -> builder.pinnedCa(Path.of(ca)));
        settings.get("sync.bandwidth").filter(s -> !s.isBlank()).map(Long::parseLong).filter(b -> b > 0)
                .ifPresent(builder::bandwidth);
        Optional<String> enrolment = settings.get("hub.enrolment").filter(s -> !s.isBlank());
        ClientHubLink link = new ClientHubLink(builder.build(), enrolment.orElse(null), counterName);
        if (!link.enrolled() && enrolment.isPresent()) {   // in the background: the start never waits for the link
            Thread.ofVirtual().name("hub-enrolment").start(() -> {
                try {
                    link.ensureEnrolled();
                    LOG.info("counter enrolled with the hub");
                    enrolled.accept(link);
                } catch (HubLink.HubFailure e) {
                    LOG.warn("enrolment with the hub failed ({}): dossiers wait", e.code(), e);
                } catch (RuntimeException e) {
                    LOG.warn("enrolment with the hub failed: dossiers wait", e);
                }
            });
        }
        return Optional.of(link);
    }

    private static ProxySettings proxy(Settings settings) {
        String mode = settings.get("proxy.mode").orElse("system").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "direct" -> ProxySettings.direct();
            case "http" -> ProxySettings.http(settings.get("proxy.host").orElse(""),
                    Integer.parseInt(settings.get("proxy.port").orElse("8080")),
                    settings.get("proxy.user").orElse(null), settings.get("proxy.password").orElse(null));
            default -> ProxySettings.system();
        };
    }

    private static Connection connect(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the sync state in " + file, e);
        }
    }
}
