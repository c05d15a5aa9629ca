package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.export.Exports;
import vn.motcua.sync.hub.export.FolderConnector;
import vn.motcua.sync.hub.export.HttpConnector;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.WireJson;

/** The portal export: the DongBoHoSoMC / CapNhatTienDoHoSoMC shapes, delivery through a connector, retries that stay visible. */
class PortalExportTest {
    @TempDir
    Path dir;

    @Test
    void dossiersAndTheirProgressAreWrittenInThePortalsShape() throws Exception {
        try (TestHub hub = TestHub.start(dir.resolve("hub"))) {
            CounterClient counter = hub.enrolCounter("Quầy xuất cổng");
            Dossiers.Sample s = Dossiers.sample(Dossiers.code(11, 1), 111, 1, 5000);
            counter.upload(s.files().getFirst());
            counter.put(s.manifest());
            hub.hub.processing().changeStatus(s.manifest().code(), 4, "Chuyên viên C", "Thụ lý");
            Path out = dir.resolve("portal");
            Exports.Pass pass = hub.hub.exports().runDue(new FolderConnector(out), 10);
            assertThat(pass.sent()).isEqualTo(2);
            List<Path> files;
            try (Stream<Path> list = Files.list(out)) {
                files = list.sorted().toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                    "CapNhatTienDoHoSoMC-" + s.manifest().code() + "-2.json", "DongBoHoSoMC-" + s.manifest().code() + "-1.json");
            JsonNode dossier = WireJson.mapper().readTree(files.get(1).toFile());
            assertThat(dossier.get("service").asText()).isEqualTo("DongBoHoSoMC");
            assertThat(dossier.get("madonvi").asText()).isEqualTo("000.00.15.H42");
            assertThat(dossier.get("isUpdating").asBoolean()).isFalse();
            JsonNode r = dossier.get("data").get(0);
            assertThat(r.get("MaHoSo").asText()).isEqualTo(s.manifest().code());
            assertThat(r.get("MaTTHC").asText()).isEqualTo("1.001612");
            assertThat(r.get("NgayTiepNhan").asText()).isEqualTo(s.manifest().receivedAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
            assertThat(r.get("TrangThaiHoSo").asText()).isEqualTo("2");
            assertThat(r.get("HinhThuc").asText()).isEqualTo("1");
            assertThat(r.get("TaiLieuNop").get(0).get("TenTepDinhKem").asText()).isEqualTo("trang-1.jpg");
            JsonNode progress = WireJson.mapper().readTree(files.get(0).toFile()).get("data").get(0);
            assertThat(progress.get("TrangThai").asText()).isEqualTo("4");
            assertThat(progress.get("NguoiXuLy").asText()).isEqualTo("Chuyên viên C");
            assertThat(progress.get("ThoiDiemXuLy").asText()).matches("\\d{14}");
        }
    }

    @Test
    void aFailingPortalIsRetriedUntilItFailsForGoodVisiblyAndARetrySendsIt() throws Exception {
        AtomicInteger status = new AtomicInteger(503);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/dvc", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        portal.start();
        var env = TestHub.env(vn.motcua.sync.hub.support.TestPostgres.newDatabase());
        try (TestHub hub = TestHub.start(dir.resolve("hub2"), env)) {
            CounterClient counter = hub.enrolCounter("Quầy cổng lỗi");
            Dossiers.Sample s = Dossiers.sample(Dossiers.code(11, 2), 112, 1, 5000);
            counter.upload(s.files().getFirst());
            counter.put(s.manifest());
            HttpConnector connector = new HttpConnector(URI.create("http://127.0.0.1:" + portal.getAddress().getPort() + "/dvc"));
            long id = hub.hub.exports().recent(1).getFirst().id();
            for (int attempt = 1; attempt <= Exports.MAX_ATTEMPTS; attempt++) {
                Exports.Pass pass = hub.hub.exports().runDue(connector, 10);
                assertThat(pass.failed()).isEqualTo(1);
                assertThat(hub.hub.exports().runDue(connector, 10).tried()).isEmpty(); // waits before the next try
                if (attempt < Exports.MAX_ATTEMPTS) {
                    hub.hub.database().read(c -> vn.motcua.sync.hub.store.Database.update(c,
                            "update exports set next_attempt_at = now() where id = ?", id));
                }
            }
            Exports.Export failed = hub.hub.exports().recent(1).getFirst();
            assertThat(failed.state()).isEqualTo(Exports.State.FAILED);
            assertThat(failed.attempts()).isEqualTo(Exports.MAX_ATTEMPTS);
            assertThat(failed.lastError()).contains("503");
            assertThat(received).hasSize(Exports.MAX_ATTEMPTS).allSatisfy(body -> assertThat(body).contains("DongBoHoSoMC"));
            assertThat(hub.hub.metrics().scrape()).asString().contains("hub_export_queue{state=\"FAILED\"} 1");

            status.set(200);
            assertThat(hub.hub.exports().retry(id)).isTrue();
            assertThat(hub.hub.exports().runDue(connector, 10).sent()).isEqualTo(1);
            assertThat(hub.hub.exports().counts()).containsEntry(Exports.State.SENT, 1L).containsEntry(Exports.State.FAILED, 0L);
            assertThat(hub.hub.exports().retry(id)).isFalse(); // a sent record is not sent again
        } finally {
            portal.stop(0);
        }
    }
}
