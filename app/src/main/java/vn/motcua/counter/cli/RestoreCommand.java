package vn.motcua.counter.cli;

import java.io.Console;
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
 * {@code motcua restore --from DIR --to DATA_DIR}: restores a backup into a new, empty data folder on this PC with the
 * recovery key printed at set-up (MOTCUA_SECURITY_RECOVERY_KEY, or typed at the prompt, never an argument that
 * would stay in the shell's history). The key is wrapped again with this PC's protection. Exit 0 when restored, 1 when
 * refused (wrong recovery key, damaged backup, folder not empty).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Khôi phục bản sao lưu vào thư mục dữ liệu mới bằng khóa khôi phục.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIR",
            description = "Bản sao lưu, hoặc thư mục chứa các bản sao lưu (lấy bản mới nhất).")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "DATA_DIR", description = "Thư mục dữ liệu mới (trống).")
    Path to;

    @Override
    public Integer call() {
        Messages messages = Cli.messages(spec);
        PrintWriter err = spec.commandLine().getErr();
        try {
            Backups backups = Cli.access(spec).backups();
            String key = backups.configuredRecoveryKey().orElseGet(() -> prompt(messages));
            Backups.Restored restored = backups.restore(from, to, key);
            PrintWriter out = spec.commandLine().getOut();
            out.println(messages.text("backup.restored", restored.backup(), restored.dataFolder(),
                    restored.dossiers(), restored.files()));
            out.flush();
            return 0;
        } catch (CounterException e) {
            err.println(messages.describe(e));
            err.flush();
            return 1;
        }
    }

    private static String prompt(Messages messages) {
        Console console = System.console();
        if (console == null) {
            throw new CounterException("backup.recovery_key_needed");
        }
        char[] typed = console.readPassword("%s ", messages.text("backup.recovery_prompt"));
        if (typed == null) {
            throw new CounterException("backup.recovery_key_needed");
        }
        return new String(typed);
    }
}
