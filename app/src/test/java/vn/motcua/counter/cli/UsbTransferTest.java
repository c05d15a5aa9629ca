package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.sync.Syncing;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.sync.hub.service.Packages;
import vn.motcua.sync.hub.support.TestHub;

/**
 * No link for weeks: {@code motcua sync export} writes what waits onto a drive, the real hub imports the package, and
 * {@code motcua sync import-receipt} marks sent exactly the revisions the hub's receipt accepted.
 */
class UsbTransferTest {

    @TempDir
    Path data;
    @TempDir
    Path hubData;
    @TempDir
    Path drive;

    @AfterEach
    void clear() {
        TestCounter.clearHubProperties();
    }

    @Test
    void dossiersCarriedOnADriveAreSentOnlyOnceTheHubsReceiptComesBack() throws Exception {
        try (TestHub hub = TestHub.start(hubData)) {
            String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code();
            Settings settings = TestCounter.hubSettingsForCommands(data, hub.base.toString(), enrolment);
            DossierCode kept;
            DossierCode changed;
            try (CounterWiring counter = CounterWiring.open(settings, Clock.systemDefaultZone())) {
                TestCounter.awaitEnrolled(counter);
                counter.pipeline().pause();
                kept = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
                changed = counter.reception().receive(TestCounter.request(counter, 2), counter.profile()).dossier()
                        .code();
            }
            System.setProperty("motcua.hub.url", "http://127.0.0.1:9/");   // the link is gone from here on

            CliRun export = CliRun.motcua(data, "sync", "export", "--to", drive.toString(), "--json");
            assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
            JsonNode exported = new ObjectMapper().readTree(export.out());
            assertThat(exported.get("codes")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(kept.value(), changed.value());
            Path pkg = Path.of(exported.get("file").asText());
            assertThat(pkg.getParent()).isEqualTo(drive);
            assertThat(new String(Files.readAllBytes(pkg), StandardCharsets.ISO_8859_1)).as("encrypted for the hub")
                    .doesNotContain("001190012345", kept.value(),
                            new String(TestCounter.APPLICANT_NAME.getBytes(StandardCharsets.UTF_8),
                                    StandardCharsets.ISO_8859_1));
            try (Connection db = SqlRows.open(data)) {
                assertThat(SqlRows.rows(db, "SELECT dossier_code FROM audit_log WHERE action = 'EXPORT'", null))
                        .as("each dossier written to the drive is audited").extracting(List::getFirst)
                        .containsExactlyInAnyOrder(kept.value(), changed.value());
            }
            try (CounterWiring counter = CounterWiring.open(Settings.of(Map.of(Settings.DATA_DIR, data.toString())),
                    Clock.systemDefaultZone())) {
                assertThat(counter.syncing().of(kept).state()).as("exported is not sent")
                        .isEqualTo(Syncing.State.WAITING);
                counter.pipeline().pause();
                counter.lifecycle().process(changed, "", counter.profile());   // changed after the export
            }

            Packages.Imported imported;
            try (InputStream in = Files.newInputStream(pkg)) {
                imported = hub.hub.packages().importPackage(in, "test");
            }
            assertThat(hub.count("select count(*) from manifests")).isEqualTo(2);
            Path receipt = drive.resolve("receipt.mcrcpt");
            Files.write(receipt, imported.file());

            CliRun confirm = CliRun.motcua(data, "sync", "import-receipt", receipt.toString(), "--json");
            assertThat(confirm.exitCode()).as(confirm.out() + confirm.err()).isZero();
            JsonNode confirmed = new ObjectMapper().readTree(confirm.out());
            assertThat(confirmed.get("sent")).extracting(JsonNode::asText).containsExactly(kept.value());
            assertThat(confirmed.get("changedSince")).extracting(JsonNode::asText).containsExactly(changed.value());
            assertThat(CliRun.motcua(data, "sync", "import-receipt", receipt.toString()).exitCode())
                    .as("the same receipt again changes nothing").isZero();

            try (CounterWiring counter = CounterWiring.open(Settings.of(Map.of(Settings.DATA_DIR, data.toString())),
                    Clock.systemDefaultZone())) {
                counter.pipeline().pause();
                assertThat(counter.syncing().of(kept).state()).isEqualTo(Syncing.State.SENT);
                Syncing.DossierSync later = counter.syncing().of(changed);
                assertThat(later.state()).as("its new revision waits").isEqualTo(Syncing.State.NEEDS_UPDATE);
                assertThat(later.sentRevision()).isEqualTo(1);
            }

            byte[] tampered = imported.file().clone();
            tampered[tampered.length / 2] ^= 1;
            Files.write(receipt, tampered);
            CliRun refused = CliRun.motcua(data, "sync", "import-receipt", receipt.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("Tệp xác nhận của máy chủ tỉnh không hợp lệ")
                    .doesNotContain("Exception", "\tat ");

            System.clearProperty("motcua.hub.url");
            assertThat(CliRun.motcua(data, "sync", "export", "--to", drive.toString()).exitCode())
                    .as("sync off").isEqualTo(4);
        }
    }
}
