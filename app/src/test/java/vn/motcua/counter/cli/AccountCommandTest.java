package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestImages;

/**
 * The command line as a named account (decision 1301): a new data folder asks nobody until the first administrator is
 * made; from then on every command that opens it needs {@code --account} and the password from MOTCUA_PASSWORD, and
 * the services refuse by role.
 */
class AccountCommandTest {

    @TempDir
    Path data;

    private String[] report() {
        return new String[] {"report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--out",
                data.resolve("bao-cao.csv").toString()};
    }

    private static String[] as(String account, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--account";
        all[1] = account;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    @Test
    void beforeTheFirstAccountNothingIsAskedAfterItEveryCommandRunsAsSomeone() {
        assertThat(CliRun.motcua(data, report()).exitCode()).as("set-up: no account yet").isZero();

        CliRun made = CliRun.motcua(data, Map.of("MOTCUA_NEW_PASSWORD", "quan-tri-123"),
                "account", "add", "--name", "quantri", "--role", "admin");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("Đã tạo tài khoản quản trị đầu tiên quantri");

        CliRun nobody = CliRun.motcua(data, report());
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("Cần đăng nhập trước").doesNotContain("Exception");

        CliRun wrong = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "khong-dung-dau"), as("quantri", report()));
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("Tên đăng nhập hoặc mật khẩu không đúng");

        CliRun admin = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "quan-tri-123"), as("quantri", report()));
        assertThat(admin.exitCode()).as(admin.err()).isZero();
        CliRun fromEnvironment = CliRun.motcua(data, Map.of("MOTCUA_ACCOUNT", "quantri",
                "MOTCUA_PASSWORD", "quan-tri-123"), report());
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();

        CliRun clerk = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "quan-tri-123",
                "MOTCUA_NEW_PASSWORD", "tam-thoi-456"), as("quantri", "account", "add", "--name", "binh", "--role", "clerk"));
        assertThat(clerk.exitCode()).as(clerk.err()).isZero();

        CliRun mustChange = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "tam-thoi-456"), as("binh", report()));
        assertThat(mustChange.err()).contains("phải đổi mật khẩu");
        CliRun changed = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "tam-thoi-456",
                "MOTCUA_NEW_PASSWORD", "binh-rieng-789"), as("binh", "account", "password"));
        assertThat(changed.exitCode()).as(changed.err()).isZero();

        CliRun refused = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "binh-rieng-789"), as("binh", report()));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Tài khoản binh không được phép xem báo cáo");
        CliRun doctor = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "binh-rieng-789"), as("binh", "doctor"));
        assertThat(doctor.exitCode()).isNotZero();
        assertThat(doctor.err()).contains("chạy kiểm tra (doctor)");

        CliRun listed = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "quan-tri-123"),
                as("quantri", "account", "list", "--json"));
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out().replaceAll("\\s", "")).contains("\"name\":\"binh\"", "\"role\":\"clerk\"", "\"name\":\"quantri\"",
                "\"role\":\"it-admin\"");
    }

    /**
     * {@code --display-name} (decision 1301): the clerk's full name on the receipt and in the history, the sign-in
     * name in the audit log; refused when blank; {@code account rename} is an IT admin's.
     */
    @Test
    void theDisplayNameIsWhatPapersPrintAndOnlyAnAdminChangesIt() throws Exception {
        Map<String, String> admin = Map.of("MOTCUA_PASSWORD", "quan-tri-123", "MOTCUA_NEW_PASSWORD", "tam-thoi-456");
        CliRun made = CliRun.motcua(data, Map.of("MOTCUA_NEW_PASSWORD", "quan-tri-123"), "account", "add",
                "--name", "quantri", "--role", "it-admin", "--display-name", "Nguyễn Văn Quản");
        assertThat(made.exitCode()).as(made.err()).isZero();
        CliRun blank = CliRun.motcua(data, admin, as("quantri", "account", "add", "--name", "binh", "--role", "clerk",
                "--display-name", "  "));
        assertThat(blank.exitCode()).isEqualTo(1);
        assertThat(blank.err()).contains("Họ và tên in trên giấy tờ không được để trống").doesNotContain("Exception");
        CliRun clerk = CliRun.motcua(data, admin, as("quantri", "account", "add", "--name", "binh", "--role", "clerk",
                "--display-name", "Lê Thị Thu Hà"));
        assertThat(clerk.exitCode()).as(clerk.err()).isZero();
        Map<String, String> binh = Map.of("MOTCUA_PASSWORD", "tam-thoi-456", "MOTCUA_NEW_PASSWORD", "binh-rieng-789");
        assertThat(CliRun.motcua(data, binh, as("binh", "account", "password")).exitCode()).isZero();
        Map<String, String> signedIn = Map.of("MOTCUA_PASSWORD", "binh-rieng-789");

        Path page = Files.write(data.resolve("to-khai.png"), TestImages.png("Tờ khai"));
        CliRun received = CliRun.motcua(data, signedIn, as("binh", "receive", "--procedure", "1.004873", "--name",
                "Trương Thị Định", "--id", "001190012345", "--birth-date", "1990-04-02", "--sex", "nu", "--address",
                "Hà Nội", "--page", "1=" + page, "--json"));
        assertThat(received.exitCode()).as(received.err()).isZero();
        String code = new ObjectMapper().readTree(received.out()).get("code").asText();
        JsonNode shown = new ObjectMapper().readTree(CliRun.motcua(data, signedIn,
                as("binh", "dossier", "show", code, "--json")).out());
        assertThat(shown.get("history").get(0).get("by").asText()).isEqualTo("Lê Thị Thu Hà");

        CliRun notHers = CliRun.motcua(data, signedIn, as("binh", "account", "rename", "--name", "binh",
                "--display-name", "Ai Đó"));
        assertThat(notHers.exitCode()).isEqualTo(1);
        assertThat(notHers.err()).contains("Tài khoản binh không được phép");
        CliRun renamed = CliRun.motcua(data, admin, as("quantri", "account", "rename", "--name", "binh",
                "--display-name", "Lê Thị Thu Hằng"));
        assertThat(renamed.exitCode()).as(renamed.err()).isZero();
        assertThat(renamed.out()).contains("binh", "Lê Thị Thu Hằng");
        CliRun listed = CliRun.motcua(data, admin, as("quantri", "account", "list"));
        assertThat(listed.out()).containsPattern("binh\\s+clerk\\s+Lê Thị Thu Hằng")
                .containsPattern("quantri\\s+it-admin\\s+Nguyễn Văn Quản");
        JsonNode history = new ObjectMapper().readTree(CliRun.motcua(data, signedIn,
                as("binh", "dossier", "show", code, "--json")).out()).get("history");
        assertThat(history.get(0).get("by").asText()).as("written before: as it was").isEqualTo("Lê Thị Thu Hà");

        try (Connection db = SqlRows.open(data)) {
            assertThat(SqlRows.rows(db, "SELECT DISTINCT actor FROM audit_log WHERE dossier_code = ?", code))
                    .containsExactly(List.of("binh"));
        }
    }

    @Test
    void aCommandThatOnlyReadsCountsWrongPasswordsTooAndTheLockHolds() {
        CliRun.motcua(data, Map.of("MOTCUA_NEW_PASSWORD", "quan-tri-123"),
                "account", "add", "--name", "quantri", "--role", "it-admin");
        Map<String, String> wrong = Map.of("MOTCUA_PASSWORD", "doan-mo-thoi");
        for (int i = 1; i <= 4; i++) {
            assertThat(CliRun.motcua(data, wrong, as("quantri", report())).err()).contains("không đúng");
        }
        assertThat(CliRun.motcua(data, wrong, as("quantri", report())).err())
                .contains("Tài khoản quantri tạm khóa", "30 giây");
        CliRun right = CliRun.motcua(data, Map.of("MOTCUA_PASSWORD", "quan-tri-123"), as("quantri", report()));
        assertThat(right.exitCode()).isEqualTo(1);
        assertThat(right.err()).contains("tạm khóa");
    }

    @Test
    void theFirstAccountMustBeAnAdministrator() {
        CliRun run = CliRun.motcua(data, Map.of("MOTCUA_NEW_PASSWORD", "quan-tri-123"),
                "account", "add", "--name", "binh", "--role", "clerk");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("it-admin");
        assertThat(CliRun.motcua(data, report()).exitCode()).as("still setting up").isZero();
    }

    @Test
    void withoutAConsoleOrMotcuaPasswordTheCommandSaysWhatToSet() {
        CliRun.motcua(data, Map.of("MOTCUA_NEW_PASSWORD", "quan-tri-123"),
                "account", "add", "--name", "quantri", "--role", "it-admin");
        CliRun run = CliRun.motcua(data, Map.of(), as("quantri", report()));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("MOTCUA_PASSWORD");
    }
}
