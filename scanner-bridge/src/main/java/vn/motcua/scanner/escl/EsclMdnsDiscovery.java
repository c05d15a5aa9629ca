package vn.motcua.scanner.escl;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds eSCL scanners announced over mDNS as {@code _uscan._tcp} (HTTP) and {@code _uscans._tcp} (HTTPS). */
public final class EsclMdnsDiscovery {

    static final String USCAN = "_uscan._tcp.local.";
    static final String USCANS = "_uscans._tcp.local.";
    private static final Logger LOG = LoggerFactory.getLogger(EsclMdnsDiscovery.class);

    /** A scanner as announced: its eSCL base URI and the model from the TXT record. */
    public record Announced(URI baseUri, String model) {
    }

    private final Duration browseTime;
    private final InetAddress bindAddress;

    /** @param bindAddress the interface to browse on; null for the default one */
    public EsclMdnsDiscovery(Duration browseTime, InetAddress bindAddress) {
        this.browseTime = browseTime;
        this.bindAddress = bindAddress;
    }

    /** Browses HTTPS and HTTP announcements at the same time; takes about the browse time. */
    public List<Announced> browse() throws IOException {
        JmDNS mdns = bindAddress == null ? JmDNS.create() : JmDNS.create(bindAddress);
        try {
            List<java.util.concurrent.Future<List<Announced>>> lists = new ArrayList<>();
            try (var browsers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (String type : List.of(USCANS, USCAN)) {
                    lists.add(browsers.submit(() -> list(mdns, type)));
                }
            }
            List<Announced> found = new ArrayList<>();
            for (var list : lists) {
                for (Announced candidate : list.resultNow()) {
                    if (found.stream().noneMatch(known -> sameDevice(known, candidate))) {
                        found.add(candidate);
                    }
                }
            }
            LOG.info("mDNS: {} eSCL scanners announced", found.size());
            return found;
        } finally {
            // JmDNS says goodbye for a couple of seconds on close; nobody needs to wait for that.
            Thread.ofVirtual().start(() -> {
                try {
                    mdns.close();
                } catch (IOException e) {
                    LOG.debug("closing mDNS failed: {}", e.toString());
                }
            });
        }
    }

    private List<Announced> list(JmDNS mdns, String type) {
        List<Announced> found = new ArrayList<>();
        for (ServiceInfo info : mdns.list(type, browseTime.toMillis())) {
            Map<String, String> txt = new java.util.HashMap<>();
            for (String key : java.util.Collections.list(info.getPropertyNames())) {
                txt.put(key, info.getPropertyString(key));
            }
            announced(type, info.getInet4Addresses(), info.getInet6Addresses(), info.getPort(), txt)
                    .ifPresent(found::add);
        }
        return found;
    }

    /**
     * Builds the base URI from an announcement: scheme from the service type, the path from TXT {@code rs}
     * (default {@code eSCL}), an IPv4 address first since some MFPs answer badly on IPv6.
     */
    static Optional<Announced> announced(String type, InetAddress[] v4, InetAddress[] v6, int port,
                                         Map<String, String> txt) {
        Optional<InetAddress> address = Arrays.stream(v4).findFirst()
                .or(() -> Arrays.stream(v6).min(Comparator.comparing(a -> a.isLinkLocalAddress())));
        if (address.isEmpty() || port <= 0) {
            return Optional.empty();
        }
        String scheme = type.startsWith("_uscans") ? "https" : "http";
        String host = address.get() instanceof Inet4Address ? address.get().getHostAddress()
                : "[" + address.get().getHostAddress().replace("%", "%25") + "]";
        String resource = txt.getOrDefault("rs", "eSCL").replaceAll("^/+|/+$", "");
        String model = Optional.ofNullable(txt.get("ty")).filter(ty -> !ty.isBlank()).orElse("eSCL " + host);
        return Optional.of(new Announced(URI.create(scheme + "://" + host + ":" + port + "/" + resource), model));
    }

    /** A device announcing both HTTP and HTTPS is one device; HTTPS (browsed first) wins. */
    private static boolean sameDevice(Announced a, Announced b) {
        return a.baseUri().getHost().equals(b.baseUri().getHost())
                && a.baseUri().getPath().equals(b.baseUri().getPath());
    }
}
