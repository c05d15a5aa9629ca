package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.ScannedForms;

/**
 * The capture pipeline from outside, as a script or IT staff would drive it: {@code receive} a dossier from files,
 * {@code dossier show} it while its pages wait, {@code run --until-idle} the pipeline, and {@code dossier show} the
 * copies made; bad arguments get the form's own messages.
 */
class ReceiveCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path files;

    @AfterEach
    void ocrOffAgain() {
        System.clearProperty("motcua.ocr.workers");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void receivesShowsRunsAndShowsTheCopies() throws Exception {
        Path first = Files.write(files.resolve("to-khai.png"), ScannedForms.png(0));
        Path second = Files.write(files.resolve("giay-to.png"), TestImages.png("Bản sao giấy khai sinh"));

        CliRun received = CliRun.motcua(data, "receive", "--procedure", "1.004873", "--name", "Nguyễn Thị Lan",
                "--id", "001190012345", "--birth-date", "1990-04-02", "--sex", "nu", "--address", "Hà Nội",
                "--page", "1=" + first, "--page", "2=" + second, "--json");
        assertThat(received.exitCode()).as(received.err()).isZero();
        JsonNode receipt = JSON.readTree(received.out());
        String code = receipt.get("code").asText();
        assertThat(code).matches("000\\.00\\.00\\.H26-\\d{6}-\\d{4}");
        assertThat(receipt.get("pages").asInt()).isEqualTo(2);
        assertThat(receipt.get("appointmentAt").asText()).isNotBlank();

        JsonNode waiting = JSON.readTree(CliRun.motcua(data, "dossier", "show", code, "--json").out());
        assertThat(waiting.get("statusName").asText()).isEqualTo("Được tiếp nhận");
        assertThat(waiting.get("idNumber").asText()).doesNotContain("001190012345");
        JsonNode component = waiting.get("components").get(0);
        assertThat(component.get("pages")).hasSize(1);
        assertThat(component.get("pages").get(0).asText()).matches("[0-9a-f]{64}");
        assertThat(component.get("copy").get("state").asText()).isEqualTo("READING_PAGES");
        assertThat(waiting.get("stages")).extracting(s -> s.get("stage").asText() + ":" + s.get("state").asText())
                .containsExactly("ELECTRONIC_COPY:WAITING", "ELECTRONIC_COPY:WAITING", "PAGE_TEXT:WAITING",
                        "PAGE_TEXT:WAITING", "SIGN_COPY:WAITING", "SIGN_COPY:WAITING");

        System.setProperty("motcua.ocr.workers", "1");
        CliRun run = CliRun.motcua(data, "run", "--until-idle", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("idle").asBoolean()).isTrue();
        assertThat(summary.get("attention")).isEmpty();

        JsonNode done = JSON.readTree(CliRun.motcua(data, "dossier", "show", code, "--json").out());
        int copies = 0;
        for (JsonNode c : done.get("components")) {
            if (c.get("pages").isEmpty()) {
                assertThat(c.get("copy").isNull()).as("a component handed in without pages has no copy").isTrue();
                continue;
            }
            copies++;
            assertThat(c.get("copy").get("state").asText()).isEqualTo("MADE");
            assertThat(c.get("copy").get("contentId").asText()).matches("[0-9a-f]{64}");
        }
        assertThat(copies).isEqualTo(2);
        // no signing key at this counter: the copies wait for a signature, as pages wait for OCR when it is off
        assertThat(done.get("stages")).allSatisfy(s -> assertThat(s.get("state").asText())
                .isEqualTo(s.get("stage").asText().equals("SIGN_COPY") ? "WAITING" : "DONE"));
    }

    @Test
    void badArgumentsGetTheFormsMessagesAndNothingIsReceived() throws Exception {
        Path page = Files.write(files.resolve("trang.png"), TestImages.png("Trang"));
        CliRun impossible = CliRun.motcua(data, "receive", "--procedure", "1.004873", "--name", "Lê Văn Tám",
                "--id", "001190012345", "--birth-date", "31/02/1990", "--page", "1=" + page);
        assertThat(impossible.exitCode()).isEqualTo(1);
        assertThat(impossible.err()).contains("Ngày sinh \"31/02/1990\" không có trong lịch");

        CliRun noName = CliRun.motcua(data, "receive", "--procedure", "1.004873", "--name", " ", "--id",
                "001190012345", "--page", "1=" + page);
        assertThat(noName.err()).contains("Nhập họ và tên người nộp.");

        CliRun mismatch = CliRun.motcua(data, "receive", "--procedure", "1.004873", "--name", "Lê Văn Tám",
                "--id", "001190012345", "--birth-date", "1985-01-01", "--page", "1=" + page);
        assertThat(mismatch.err()).contains("Số định danh không khớp với ngày sinh hoặc giới tính");

        CliRun unknown = CliRun.motcua(data, "receive", "--procedure", "9.999999", "--name", "Lê Văn Tám", "--id",
                "001190012345", "--page", "1=" + page);
        assertThat(unknown.err()).contains("Không có thủ tục mã 9.999999");

        CliRun component = CliRun.motcua(data, "receive", "--procedure", "1.004873", "--name", "Lê Văn Tám",
                "--id", "001190012345", "--page", "9=" + page);
        assertThat(component.err()).contains("không có thành phần số 9");

        Path tiny = Files.write(files.resolve("pixel.png"), TestImages.pixel());
        CliRun small = CliRun.motcua(data, "receive", "--procedure", "1.004873", "--name", "Lê Văn Tám", "--id",
                "001190012345", "--page", "1=" + tiny);
        assertThat(small.err()).contains("quá nhỏ");

        for (CliRun refused : List.of(impossible, noName, mismatch, unknown, component, small)) {
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).doesNotContain("Exception", "\tat ");
        }
        JsonNode none = JSON.readTree(CliRun.motcua(data, "report", "--from", "2020-01-01", "--to", "2030-12-31",
                "--format", "csv", "--out", files.resolve("r.csv").toString(), "--json").out());
        assertThat(none.get("report").get("received").asInt()).isZero(); // nothing was received
    }
}
