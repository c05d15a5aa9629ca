package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.Backups;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code motcua backup --to DIR}: an encrypted, consistent backup of the data folder into a new folder inside DIR
 * (an external drive), also while the window runs (decision 1203). Exit 0 when made, 1 when refused.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Sao lưu dữ liệu (đã mã hóa) vào thư mục hoặc ổ đĩa ngoài; chạy được khi chương trình đang mở.")
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Thư mục đích (ví dụ ổ USB).")
    Path to;

    @Override
    public Integer call() {
        Messages messages = Cli.messages(spec);
        PrintWriter out = spec.commandLine().getOut();
        try {
            Backups.Made made = Cli.access(spec).backups().backUp(to);
            made.newRecoveryKey().ifPresent(key -> out.println(messages.text("protection.recovery_key_new", key)));
            out.println(messages.text("backup.made", made.folder(), made.dossiers(), made.files(),
                    made.bytes() / (1024 * 1024)));
            out.flush();
            return 0;
        } catch (CounterException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(messages.describe(e));
            err.flush();
            return 1;
        }
    }
}
