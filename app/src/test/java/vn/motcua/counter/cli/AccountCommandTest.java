package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
