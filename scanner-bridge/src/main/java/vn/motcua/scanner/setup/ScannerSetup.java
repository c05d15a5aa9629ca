package vn.motcua.scanner.setup;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerDriver;
import vn.motcua.scanner.Watchdog;
import vn.motcua.scanner.escl.EsclDriver;
import vn.motcua.scanner.escl.EsclMdnsDiscovery;
import vn.motcua.scanner.hotfolder.HotFolderDriver;
import vn.motcua.scanner.hotfolder.HotFolderOptions;
import vn.motcua.scanner.sane.SaneCredentials;
import vn.motcua.scanner.sane.SaneDriver;
import vn.motcua.scanner.sane.SaneHost;
import vn.motcua.scanner.simulator.demo.SimulatedScannerDriver;
import vn.motcua.scanner.worker.BridgeProcessDriver;

/**
 * The drivers a counter uses, from its settings, as one {@link ScannerBridge}. Defaults: the simulated scanner,
 * SANE on 127.0.0.1 answering a password request from scanimage's {@code ~/.sane/pass}, eSCL by mDNS; no hot
 * folders; TWAIN/WIA only when a worker command is given.
 *
 * @param saneCredentials user names and passwords for a saned that asks for them
 * @param twainWorker command line of the TWAIN worker process; empty for none (always on Linux)
 * @param wiaWorker   command line of the WIA worker process; empty for none
 * @param esclTrust   trust for HTTPS eSCL scanners; null for the JDK's default trust store
 */
public record ScannerSetup(boolean simulated, List<SaneHost> saneHosts, SaneCredentials saneCredentials,
                           List<URI> esclScanners, boolean mdns, List<Path> hotFolders, List<String> twainWorker,
                           List<String> wiaWorker, SSLContext esclTrust, Watchdog watchdog) {

    public ScannerSetup {
        saneHosts = List.copyOf(saneHosts);
        esclScanners = List.copyOf(esclScanners);
        hotFolders = List.copyOf(hotFolders);
        twainWorker = List.copyOf(twainWorker);
        wiaWorker = List.copyOf(wiaWorker);
    }

    public static ScannerSetup defaults() {
        return new ScannerSetup(true, List.of(SaneHost.localhost()),
                SaneCredentials.fromFile(SaneCredentials.defaultFile()), List.of(), true, List.of(), List.of(),
                List.of(), null, Watchdog.defaults());
    }

    public ScannerSetup withSaneHosts(List<SaneHost> hosts) {
        return new ScannerSetup(simulated, hosts, saneCredentials, esclScanners, mdns, hotFolders, twainWorker,
                wiaWorker, esclTrust, watchdog);
    }

    /** Answers for a saned that asks for a user and password, e.g. {@code SaneCredentials.fromFile(path)}. */
    public ScannerSetup withSaneCredentials(SaneCredentials credentials) {
        return new ScannerSetup(simulated, saneHosts, credentials, esclScanners, mdns, hotFolders, twainWorker,
                wiaWorker, esclTrust, watchdog);
    }

    public ScannerSetup withEsclScanners(List<URI> scanners, boolean browseMdns) {
        return new ScannerSetup(simulated, saneHosts, saneCredentials, scanners, browseMdns, hotFolders, twainWorker,
                wiaWorker, esclTrust, watchdog);
    }

    public ScannerSetup withHotFolders(List<Path> folders) {
        return new ScannerSetup(simulated, saneHosts, saneCredentials, esclScanners, mdns, folders, twainWorker,
                wiaWorker, esclTrust, watchdog);
    }

    public ScannerBridge build() {
        List<ScannerDriver> drivers = new ArrayList<>();
        if (simulated) {
            drivers.add(new SimulatedScannerDriver());
        }
        if (!saneHosts.isEmpty()) {
            drivers.add(new SaneDriver(saneHosts, saneCredentials));
        }
        drivers.add(new EsclDriver(esclScanners, mdns ? new EsclMdnsDiscovery(Duration.ofSeconds(2), null) : null,
                esclTrust, Duration.ofSeconds(60)));
        // Always present so saved folder:... device ids resolve; discovery lists only configured folders.
        drivers.add(new HotFolderDriver(hotFolders, HotFolderOptions.defaults()));
        if (!twainWorker.isEmpty()) {
            drivers.add(new BridgeProcessDriver(BridgeProcessDriver.Api.TWAIN, twainWorker, Duration.ofSeconds(20),
                    Duration.ofSeconds(80)));
        }
        if (!wiaWorker.isEmpty()) {
            drivers.add(new BridgeProcessDriver(BridgeProcessDriver.Api.WIA, wiaWorker, Duration.ofSeconds(20),
                    Duration.ofSeconds(80)));
        }
        return new ScannerBridge(drivers, watchdog);
    }
}
