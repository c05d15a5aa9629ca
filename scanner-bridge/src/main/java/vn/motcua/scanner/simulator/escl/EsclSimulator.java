package vn.motcua.scanner.simulator.escl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An eSCL scanner on the network, for tests and for training counters without hardware. Serves
 * {@code ScannerCapabilities}, {@code ScannerStatus}, {@code ScanJobs}, {@code NextDocument} and job DELETE with
 * the simulated scanner's Vietnamese forms as JPEG or PNG. Checked against Debian's sane-airscan.
 */
public final class EsclSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EsclSimulator.class);
    private static final String ROOT = "/eSCL";

    private final HttpServer server;
    private final ExecutorService workers;
    private final SimulatedEsclScanner scanner;
    private final boolean https;

    private EsclSimulator(HttpServer server, SimulatedEsclScanner scanner, boolean https) {
        this.server = server;
        this.scanner = scanner;
        this.https = https;
        // NextDocument blocks while a page is "scanned"; status queries must still be answered meanwhile.
        this.workers = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("escl-sim-", 0).factory());
        server.setExecutor(workers);
        server.createContext(ROOT, this::handle);
    }

    /** Plain HTTP on the given address; port 0 picks a free port. */
    public static EsclSimulator start(InetSocketAddress address, EsclSimulatorConfig config) throws IOException {
        EsclSimulator simulator = new EsclSimulator(HttpServer.create(address, 16), new SimulatedEsclScanner(config),
                false);
        simulator.server.start();
        return simulator;
    }

    /** HTTPS with the given server certificate, as {@code _uscans._tcp} devices do. */
    public static EsclSimulator startHttps(InetSocketAddress address, EsclSimulatorConfig config, SSLContext tls)
            throws IOException {
        HttpsServer server = HttpsServer.create(address, 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        EsclSimulator simulator = new EsclSimulator(server, new SimulatedEsclScanner(config), true);
        simulator.server.start();
        return simulator;
    }

    public static EsclSimulator startOnLoopback(EsclSimulatorConfig config) throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config);
    }

    /** The eSCL base URI, e.g. {@code http://127.0.0.1:40123/eSCL}. */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create((https ? "https" : "http") + "://" + address.getAddress().getHostAddress() + ":"
                + address.getPort() + ROOT);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Changes the behaviour for the next jobs (training: "now jam at page 3"). */
    public void setConfig(EsclSimulatorConfig config) {
        scanner.setConfig(config);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SimulatedEsclScanner.Answer answer = route(exchange);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 || head ? -1
                    : answer.body().length);
            if (answer.body().length > 0 && !head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("eSCL simulator: {} {} failed: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private SimulatedEsclScanner.Answer route(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring(ROOT.length());
        if (path.equals("/ScannerCapabilities") && isGet(method)) {
            return scanner.capabilities();
        }
        if (path.equals("/ScannerStatus") && isGet(method)) {
            return scanner.status();
        }
        if (path.equals("/ScanJobs") && method.equals("POST")) {
            try (InputStream body = exchange.getRequestBody()) {
                return scanner.createJob(body.readAllBytes());
            }
        }
        if (path.startsWith("/ScanJobs/")) {
            String[] parts = path.substring("/ScanJobs/".length()).split("/");
            if (parts.length == 2 && parts[1].equals("NextDocument") && isGet(method)) {
                return scanner.nextDocument(parts[0]);
            }
            if (parts.length == 1 && method.equals("DELETE")) {
                return scanner.cancel(parts[0]);
            }
        }
        return SimulatedEsclScanner.Answer.status(404);
    }

    private static boolean isGet(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
