package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;

class CatalogCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    @Test
    void importsACsvAndReportsNewVersions() throws Exception {
        Path csv = Files.writeString(files.resolve("tinh.csv"), """
                code,name_vi,field,processing_time,component,ban_chinh,ban_sao,note
                1.004873,Thủ tục cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,05 ngày làm việc,Tờ khai,1,0,
                9.000001,Thủ tục mới của tỉnh,Chứng thực,Trong ngày,Giấy đề nghị,1,0,
                """);
        CliRun run = CliRun.motcua(data, "catalog", "import", csv.toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("added").get(0).asText()).isEqualTo("9.000001");
        assertThat(result.get("changed").get(0).asText()).isEqualTo("1.004873");
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            assertThat(counter.catalogue().procedure("1.004873").orElseThrow().processingTime().workingDays())
                    .isEqualTo(5);
            assertThat(counter.catalogue().currentVersion("1.004873")).hasValue(2);
        }
    }

    @Test
    void aBadFileExitsOneAndNamesTheLine() throws Exception {
        Path csv = Files.writeString(files.resolve("sai.csv"), """
                code,name_vi,component
                9.000001,,Tờ khai
                """);
        CliRun run = CliRun.motcua(data, "catalog", "import", csv.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("sai.csv có 1 lỗi", "dòng 2: thiếu name_vi");
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            assertThat(counter.catalogue().procedure("9.000001")).isEmpty();
        }
    }

    @Test
    void aCsvProcessingTimeThatIsNotALimitIsRefusedWithLineAndValue() throws Exception {
        Path csv = Files.writeString(files.resolve("thoihan.csv"), """
                code,name_vi,field,processing_time,component,ban_chinh,ban_sao,note
                9.000001,Thủ tục A,Chứng thực,abc,Giấy đề nghị,1,0,
                9.000002,Thủ tục B,Chứng thực,-5,Giấy đề nghị,1,0,
                9.000003,Thủ tục C,Chứng thực,5,Giấy đề nghị,1,0,
                """);
        CliRun run = CliRun.motcua(data, "catalog", "import", csv.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("dòng 2", "\"abc\"", "dòng 3", "\"-5\"").doesNotContain("dòng 4");
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            assertThat(counter.catalogue().procedure("9.000003")).isEmpty(); // a refused file changes nothing
        }
    }
}
