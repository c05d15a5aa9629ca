package vn.motcua.scanner.escl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.ScannerDriver;

/**
 * Network scanners speaking eSCL (AirScan / Mopria) over HTTP or HTTPS, found over mDNS or given by address.
 * Device ids are the eSCL base URI: {@code escl:http://192.168.1.20:80/eSCL}.
 */
public final class EsclDriver implements ScannerDriver {

    public static final String NAME = "escl";
    private static final Logger LOG = LoggerFactory.getLogger(EsclDriver.class);

    private final List<URI> manualScanners;
    private final EsclMdnsDiscovery mdns;
    private final HttpClient http;
    private final Duration pageTimeout;

    /**
     * @param manualScanners base URIs typed in by IT staff ({@code http://10.0.0.7/eSCL})
     * @param mdns           null to skip mDNS (networks that block multicast)
     * @param sslContext     trust for HTTPS scanners; MFPs ship self-signed certificates, so sites import the
     *                       device certificate into a trust store rather than trusting everything
     */
    public EsclDriver(List<URI> manualScanners, EsclMdnsDiscovery mdns, SSLContext sslContext, Duration pageTimeout) {
        this.manualScanners = List.copyOf(manualScanners);
        this.mdns = mdns;
        this.pageTimeout = pageTimeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Embedded web servers in MFPs handle HTTP/1.1 only; the h2c upgrade confuses some.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
    }

    public static EsclDriver manual(List<URI> scanners) {
        return new EsclDriver(scanners, null, null, Duration.ofSeconds(60));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ScannerDevice> discover() throws ScanException {
        List<ScannerDevice> devices = new ArrayList<>();
        for (URI uri : manualScanners) {
            devices.add(ScannerDevice.of(NAME, uri.toString(), modelOr(uri)));
        }
        if (mdns != null) {
            try {
                for (EsclMdnsDiscovery.Announced announced : mdns.browse()) {
                    String id = announced.baseUri().toString();
                    if (devices.stream().noneMatch(device -> device.localId().equals(id))) {
                        devices.add(ScannerDevice.of(NAME, id, announced.model()));
                    }
                }
            } catch (IOException e) {
                LOG.warn("mDNS browsing failed: {}", e.toString());
            }
        }
        return devices;
    }

    private String modelOr(URI uri) {
        try {
            return client(uri).capabilities().makeAndModel();
        } catch (ScanException e) {
            return "eSCL " + uri.getHost();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "eSCL " + uri.getHost();
        }
    }

    @Override
    public Optional<ScannerDevice> device(String localId) {
        try {
            URI uri = URI.create(localId);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(ScannerDevice.of(NAME, localId, "eSCL " + uri.getHost()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public ScannerCapabilities capabilities(ScannerDevice device) throws ScanException {
        try {
            return client(URI.create(device.localId())).capabilities().capabilities();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanException(ScanError.CANCELLED, "interrupted");
        }
    }

    @Override
    public ScanSession open(ScannerDevice device, ScanSettings settings) throws ScanException, InterruptedException {
        EsclClient client = client(URI.create(device.localId()));
        EsclCapabilities capabilities = client.capabilities();
        String unsupported = capabilities.capabilities().unsupportedReason(settings);
        if (unsupported != null) {
            throw new ScanException(ScanError.UNSUPPORTED_SETTINGS, unsupported);
        }
        String format = EsclScanRequest.formatFor(settings.colorMode(), capabilities.documentFormats());
        URI job;
        try {
            job = client.createJob(EsclScanRequest.xml(settings, format));
        } catch (ScanException e) {
            throw refine(client, e);
        }
        return new EsclScanSession(client, job, settings);
    }

    /** A refused job says little by itself; the feeder state says jam, door open or empty. */
    private static ScanException refine(EsclClient client, ScanException refused) throws InterruptedException {
        try {
            String adf = client.status().adfState();
            return switch (adf) {
                case "ScannerAdfJam" -> new ScanException(ScanError.JAM, refused.getMessage(), refused);
                case "ScannerAdfDoorOpen" -> new ScanException(ScanError.COVER_OPEN, refused.getMessage(), refused);
                case "ScannerAdfEmpty" -> new ScanException(ScanError.NO_PAPER, refused.getMessage(), refused);
                default -> refused;
            };
        } catch (ScanException statusFailed) {
            return refused;
        }
    }

    private EsclClient client(URI base) {
        return new EsclClient(http, base, pageTimeout);
    }

    @Override
    public void close() {
        http.close();
    }
}
