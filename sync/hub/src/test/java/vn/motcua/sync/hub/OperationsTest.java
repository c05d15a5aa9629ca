package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;

/** {@code /health}, {@code /metrics} in Prometheus text format, and logs that carry no personal data. */
class OperationsTest {
    @TempDir
    Path dir;

    @Test
    void healthMetricsAndLogsSayWhatOperationsNeedAndNoMore() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try (TestHub hub = TestHub.start(dir)) {
            CounterClient counter = hub.enrolCounter("Quầy vận hành");
            Dossiers.Sample s = Dossiers.sample(Dossiers.code(12, 1), 121, 2, 30_000);
            for (byte[] f : s.files()) {
                counter.upload(f);
            }
            counter.put(s.manifest());
            counter.putRaw(s.manifest().code(), "{\"applicant\":".getBytes());
            hub.hub.processing().changeStatus(s.manifest().code(), 4, "Chuyên viên D", "Thụ lý");

            HttpResponse<String> health = CounterClient.HTTP.send(HttpRequest.newBuilder(hub.base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"database\":\"ok\",\"store\":\"ok\"}");

            String metrics = CounterClient.HTTP.send(HttpRequest.newBuilder(hub.base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("# TYPE hub_requests_total counter")
                    .containsPattern(Pattern.compile("hub_requests_total\\{method=\"PUT\",route=\"/api/v1/dossiers/\\{code}\",status=\"200\"} 1"))
                    .containsPattern("hub_received_bytes_total\\{kind=\"upload\"} 60000")
                    .contains("hub_manifests_total{outcome=\"accepted\"} 1").contains("hub_manifests_total{outcome=\"bad_manifest\"} 1")
                    .contains("hub_export_queue{state=\"PENDING\"} 2").contains("hub_counters_seen_24h 1")
                    .contains("hub_request_seconds_bucket");
            assertThat(metrics).doesNotContain(s.manifest().code()); // routes, not paths: no dossier codes as labels
        } finally {
            root.detachAppender(logs);
        }
        StringWriter all = new StringWriter();
        PrintWriter w = new PrintWriter(all);
        for (ILoggingEvent e : logs.list) {
            w.println(e.getFormattedMessage() + " " + e.getKeyValuePairs() + " " + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()));
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).contains("manifest accepted", "request refused", "department action");
        assertThat(all.toString()).doesNotContain("Nguyễn").doesNotContain("001190").doesNotContain("0912345678")
                .doesNotContain("Tràng Tiền").doesNotContain(TestHub.class.getSimpleName());
    }
}
