package vn.motcua.sync.hub.http;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The hub's metrics in Prometheus text format: requests by route and status, request time, bytes received,
 * manifests by outcome, the export queue by state and the counters seen in the last day. The queue and the counters
 * are read from PostgreSQL at scrape time, so every instance reports the shared truth.
 */
public final class HubMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram requestSeconds;
    private final Counter bytesReceived;
    private final Counter manifests;

    public HubMetrics(Supplier<Map<String, Long>> exportQueue, LongSupplier countersSeen) {
        requests = Counter.builder().name("hub_requests").help("HTTP requests by route pattern and status")
                .labelNames("method", "route", "status").register(registry);
        requestSeconds = Histogram.builder().name("hub_request_seconds").help("HTTP request time")
                .labelNames("route").classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 10)
                .register(registry);
        bytesReceived = Counter.builder().name("hub_received_bytes").help("Bytes received from counters")
                .labelNames("kind").register(registry);
        manifests = Counter.builder().name("hub_manifests").help("Manifests by outcome (accepted or error code)")
                .labelNames("outcome").register(registry);
        GaugeWithCallback.builder().name("hub_export_queue").help("Portal exports by state")
                .labelNames("state").callback(cb -> exportQueue.get().forEach((state, n) -> cb.call(n, state)))
                .register(registry);
        GaugeWithCallback.builder().name("hub_counters_seen_24h").help("Counters that called the hub in the last 24 hours")
                .callback(cb -> cb.call(countersSeen.getAsLong())).register(registry);
    }

    public void request(String method, String route, int status, double seconds) {
        requests.labelValues(method, route, Integer.toString(status)).inc();
        requestSeconds.labelValues(route).observe(seconds);
    }

    public void received(String kind, long bytes) {
        if (bytes > 0) {
            bytesReceived.labelValues(kind).inc(bytes);
        }
    }

    public void manifest(String outcome) {
        manifests.labelValues(outcome).inc();
    }

    public byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        return out.toByteArray();
    }

    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
