package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.access.Account;
import vn.motcua.counter.application.access.AccountService;
import vn.motcua.counter.domain.access.Role;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code account add|list|password|reset|rename}: the counter's accounts (decision 1301); {@code --display-name} is
 * the clerk's full name printed on papers and in the history. On a data folder without any account,
 * {@code account add --role it-admin} makes the first administrator without signing in; after that, adding and
 * resetting need an IT admin's {@code --account}. New passwords come from {@code MOTCUA_NEW_PASSWORD} or are typed
 * twice on the console.
 */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "Tài khoản của quầy: thêm, liệt kê, đổi mật khẩu, đổi họ tên (vai trò clerk, supervisor, it-admin).",
        subcommands = {AccountCommand.Add.class, AccountCommand.ListAccounts.class, AccountCommand.Password.class,
                AccountCommand.Reset.class, AccountCommand.Rename.class})
final class AccountCommand extends CommandGroup {

    /** JSON result of {@code account list}. */
    public record Listed(String name, String displayName, String role, boolean mustChangePassword) {
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        abstract String work(CounterServices counter, SignedInAccess access, Messages messages);

        @Override
        public Integer call() {
            Messages messages = Cli.messages(spec);
            SignedInAccess access = (SignedInAccess) Cli.access(spec);
            try (CounterServices counter = access.open()) {
                String said = work(counter, access, messages);
                if (said != null) {
                    spec.commandLine().getOut().println(said);
                }
                return 0;
            } catch (CounterException e) {
                spec.commandLine().getErr().println(messages.describe(e));
                spec.commandLine().getErr().flush();
                return 1;
            } finally {
                access.forget();
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Thêm tài khoản (cán bộ CNTT); trên quầy chưa có tài khoản: tạo quản trị đầu tiên.")
    static final class Add extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Tên đăng nhập.")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "clerk, supervisor hoặc it-admin (admin).")
        String role;
        @Option(names = "--display-name", paramLabel = "HỌ TÊN",
                description = "Họ và tên in trên giấy tờ, ví dụ \"Nguyễn Thị Lan\" (không có: in tên đăng nhập).")
        String displayName;

        @Override
        String work(CounterServices counter, SignedInAccess access, Messages messages) {
            Role chosen = Role.parse(role).orElseThrow(() -> new CounterException("access.bad_role", role));
            AccountService accounts = counter.accounts();
            if (accounts.settingUp()) {
                if (chosen != Role.IT_ADMIN) {   // the first account must be able to add the others
                    throw new CounterException("access.bad_role", role + " (it-admin)");
                }
                Account made = accounts.createFirstAdministrator(name, displayName,
                        access.passwords().newPassword(name));
                return messages.text("account.first_added", made.name());
            }
            Account made = accounts.add(name, displayName, chosen, access.passwords().newPassword(name));
            return messages.text("account.added", made.name(), made.role().code());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liệt kê tài khoản (cán bộ CNTT).")
    static final class ListAccounts extends Base {
        @Mixin
        JsonOption json;

        @Override
        String work(CounterServices counter, SignedInAccess access, Messages messages) {
            List<Listed> accounts = counter.accounts().list().stream()
                    .map(a -> new Listed(a.name(), a.displayName(), a.role().code(), a.mustChangePassword())).toList();
            PrintWriter out = spec.commandLine().getOut();
            json.print(out, accounts, () -> accounts.forEach(a -> out.printf("%-24s %-12s %s%s%n", a.name(), a.role(),
                    a.displayName() == null ? "-" : a.displayName(), a.mustChangePassword() ? " *" : "")));
            return null;
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Đổi mật khẩu của tài khoản --account (mật khẩu mới: MOTCUA_NEW_PASSWORD hoặc gõ hai lần).")
    static final class Password extends Base {
        @Override
        String work(CounterServices counter, SignedInAccess access, Messages messages) {
            if (access.account() == null) {
                throw new CounterException("access.sign_in_required");
            }
            Account changed = counter.accounts().changePassword(access.password(),
                    access.passwords().newPassword(access.account()));
            return messages.text("account.password_changed", changed.name());
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Đặt lại mật khẩu của một tài khoản và mở khóa (cán bộ CNTT); phải đổi khi đăng nhập.")
    static final class Reset extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Tài khoản cần đặt lại.")
        String name;

        @Override
        String work(CounterServices counter, SignedInAccess access, Messages messages) {
            counter.accounts().resetPassword(name, access.passwords().newPassword(name));
            return messages.text("account.password_reset", name);
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true,
            description = "Đặt họ và tên in trên giấy tờ của một tài khoản (cán bộ CNTT); giấy tờ đã in giữ tên cũ.")
    static final class Rename extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Tên đăng nhập của tài khoản.")
        String name;
        @Option(names = "--display-name", required = true, paramLabel = "HỌ TÊN",
                description = "Họ và tên in trên giấy tờ, ví dụ \"Nguyễn Thị Lan\".")
        String displayName;

        @Override
        String work(CounterServices counter, SignedInAccess access, Messages messages) {
            Account renamed = counter.accounts().rename(name, displayName);
            return messages.text("account.renamed", renamed.name(), renamed.displayName());
        }
    }
}
