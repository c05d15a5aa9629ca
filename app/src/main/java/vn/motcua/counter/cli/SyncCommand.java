package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.sync.SyncLog;
import vn.motcua.counter.application.sync.Syncing;
import vn.motcua.counter.application.sync.UsbTransfer;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.i18n.SyncLogText;

/**
 * {@code sync status|now}: the window's sync indicator and its "Đồng bộ ngay", through the same {@link Syncing}.
 * {@code now} returns when nothing more can be sent, then pulls the hub's changes (decision 0803); exit 0 when nothing
 * failed or waits, 1 when something failed, 2 when dossiers still wait or the pull failed (no link, not enrolled), 4
 * when sync is off (no {@code hub.url}).
 * {@code log}: the window's sync log ({@link SyncLog}), newest first; it only reads, so it runs beside the window.
 * {@code export|import-receipt}: the same dossiers carried on a drive when there is no link ({@link UsbTransfer}).
 */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Đồng bộ hồ sơ với máy chủ tỉnh.",
        subcommands = {SyncCommand.Status.class, SyncCommand.Now.class, SyncCommand.Log.class,
                SyncCommand.Export.class, SyncCommand.ImportReceipt.class})
public final class SyncCommand extends CommandGroup {

    static final int FAILED = 1;
    static final int STILL_WAITING = 2;
    static final int OFF = 4;

    /**
     * What both subcommands print. {@code pulled} (only {@code now}): the hub's changes applied to dossiers here,
     * {@code pullRefused} those the lifecycle refused or for dossiers not held here (recorded, not applied),
     * {@code pullError} why the pull failed (then null counts); all null for {@code status} or with sync off.
     */
    public record Result(boolean enabled, int waiting, int blocked, int failed, List<Problem> problems,
                         Integer pulled, Integer pullRefused, String pullError) {
    }

    public record Problem(String dossier, String state, String reason) {
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;

        abstract Syncing.Overview work(Syncing syncing) throws InterruptedException;

        /** Whether this subcommand pulls the hub's changes (its result says how many were applied). */
        boolean pulls() {
            return false;
        }

        @Override
        public Integer call() throws InterruptedException {
            Messages messages = Cli.messages(spec);
            PrintWriter err = spec.commandLine().getErr();
            try (CounterServices counter = Cli.open(spec)) {
                Syncing syncing = counter.syncing();
                Syncing.Overview o = work(syncing);
                List<Problem> problems = syncing.attention(50).stream().map(i -> problem(i, messages)).toList();
                var pull = pulls() ? syncing.lastPull().orElse(null) : null;
                String pullError = pull == null || pull.error() == null ? null
                        : messages.text(pull.error().messageKey(), pull.error().arguments().toArray());
                boolean pulled = pull != null && pull.error() == null;
                Result result = new Result(o.enabled(), o.waiting(), o.blocked(), o.failed(), problems,
                        pulled ? pull.pulled().applied() : null,
                        pulled ? pull.pulled().refused() + pull.pulled().unknown() : null, pullError);
                PrintWriter out = spec.commandLine().getOut();
                json.print(out, result, () -> print(out, result, messages));
                return !o.enabled() ? OFF : o.failed() > 0 ? FAILED
                        : o.waiting() > 0 || pullError != null ? STILL_WAITING : 0;
            } catch (CounterException e) {
                err.println(messages.describe(e));
                err.flush();
                return FAILED;
            }
        }

        private static Problem problem(WorkItem item, Messages messages) {
            return new Problem(item.dossierCode(), item.state().name(), item.error() == null ? ""
                    : messages.text(item.error().messageKey(), item.error().arguments().toArray()));
        }

        private static void print(PrintWriter out, Result r, Messages messages) {
            if (!r.enabled()) {
                out.println(messages.text("sync.off"));
                return;
            }
            out.println(messages.text("sync.overview", r.waiting(), r.failed()));
            if (r.pulled() != null) {
                out.println(messages.text("sync.pulled", r.pulled(), r.pullRefused()));
            }
            if (r.pullError() != null) {
                out.println(messages.text("sync.pull_failed", r.pullError()));
            }
            for (Problem p : r.problems()) {
                out.println("  " + p.dossier() + "  " + p.state() + "  " + p.reason());
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Số hồ sơ chờ gửi, lỗi gửi.")
    static final class Status extends Base {
        @Override
        Syncing.Overview work(Syncing syncing) {
            return syncing.overview();
        }
    }

    @Command(name = "now", mixinStandardHelpOptions = true,
            description = "Gửi ngay mọi hồ sơ đang chờ; trả về khi không còn gửi được gì thêm.")
    static final class Now extends Base {
        @Option(names = "--timeout", defaultValue = "PT1H", paramLabel = "DURATION",
                description = "Thời gian chờ tối đa (ISO 8601, mặc định: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        Syncing.Overview work(Syncing syncing) throws InterruptedException {
            return syncing.syncNow(timeout);
        }

        @Override
        boolean pulls() {
            return true;
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true,
            description = "Nhật ký đồng bộ, mới nhất trước: hồ sơ đã gửi (qua mạng hoặc USB), lỗi gửi, "
                    + "các lần lấy cập nhật và thay đổi từ máy chủ tỉnh.")
    static final class Log implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Option(names = "--limit", defaultValue = "50", paramLabel = "N",
                description = "Số mục tối đa (mặc định: ${DEFAULT-VALUE}).")
        int limit;

        /**
         * One entry: {@code what} and {@code detail} as the window words them, then the same as values; the fields not
         * of its kind are null ({@code via}: NETWORK or USB_RECEIPT; {@code reasonKey}: a {@code sync.error.*} key).
         */
        record Line(String kind, java.time.Instant at, String dossier, String what, String detail, Integer revision,
                    String via, String reasonKey, Integer attempts, java.time.Instant nextTry,
                    vn.motcua.counter.application.sync.HubChanges.Pulled pulled, SyncLog.Change change) {
        }

        @Override
        public Integer call() {
            Messages messages = Cli.messages(spec);
            PrintWriter err = spec.commandLine().getErr();
            try (CounterServices counter = Cli.openForReading(spec)) {
                SyncLogText words = new SyncLogText(messages, counter.clock().getZone());
                List<Line> lines = counter.syncLog().entries(Math.max(1, limit)).stream().map(e -> new Line(e.kind().name(),
                        e.at(), e.dossier(), words.kind(e), words.detail(e), e.revision(),
                        e.via() == null ? null : e.via().name(), e.reason() == null ? null : e.reason().messageKey(),
                        e.attempts(), e.nextTry(), e.pulled(), e.change())).toList();
                PrintWriter out = spec.commandLine().getOut();
                json.print(out, lines, () -> {
                    if (lines.isEmpty()) {
                        out.println(messages.text("synclog.empty"));
                    }
                    lines.forEach(l -> out.println(words.time(l.at()) + "  " + l.what()
                            + (l.dossier() == null ? "" : "  " + l.dossier()) + "  " + l.detail()));
                });
                return 0;
            } catch (CounterException e) {
                err.println(messages.describe(e));
                err.flush();
                return FAILED;
            }
        }
    }

    /** What {@code export} and {@code import-receipt} share: the counter opened, a failure said in words. */
    abstract static class Carried<T> implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;

        abstract T work(Syncing syncing);

        abstract void print(PrintWriter out, T result, Messages messages);

        @Override
        public Integer call() {
            Messages messages = Cli.messages(spec);
            try (CounterServices counter = Cli.access(spec).open()) {
                if (!counter.syncing().enabled()) {
                    spec.commandLine().getErr().println(messages.text("sync.off"));
                    spec.commandLine().getErr().flush();
                    return OFF;
                }
                T result = work(counter.syncing());
                PrintWriter out = spec.commandLine().getOut();
                json.print(out, result, () -> print(out, result, messages));
                return 0;
            } catch (CounterException e) {
                spec.commandLine().getErr().println(messages.describe(e));
                spec.commandLine().getErr().flush();
                return FAILED;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Ghi mọi hồ sơ chờ gửi thành một gói (ký và mã hóa cho máy chủ tỉnh) vào ổ đĩa mang đi.")
    static final class Export extends Carried<Export.Result> {
        @Option(names = "--to", required = true, paramLabel = "FOLDER", description = "Thư mục ghi gói, ví dụ ổ USB.")
        Path folder;

        /** @param file the package's path as the clerk types it (null: nothing waited) */
        record Result(String file, List<String> codes) {
        }

        @Override
        Result work(Syncing syncing) {
            UsbTransfer.Exported exported = syncing.exportPackage(folder);
            return new Result(exported.file() == null ? null : exported.file().toString(), exported.codes());
        }

        @Override
        void print(PrintWriter out, Result r, Messages messages) {
            out.println(r.file() == null ? messages.text("sync.usb.nothing")
                    : messages.text("sync.usb.exported", r.codes().size(), r.file()));
        }
    }

    @Command(name = "import-receipt", mixinStandardHelpOptions = true,
            description = "Đọc tệp xác nhận của máy chủ tỉnh (mang về trên ổ đĩa): hồ sơ máy chủ đã nhận được ghi là đã gửi.")
    static final class ImportReceipt extends Carried<UsbTransfer.Confirmed> {
        @Parameters(paramLabel = "FILE", description = "Tệp xác nhận *.mcrcpt của máy chủ tỉnh.")
        Path file;

        @Override
        UsbTransfer.Confirmed work(Syncing syncing) {
            return syncing.importReceipt(file);
        }

        @Override
        void print(PrintWriter out, UsbTransfer.Confirmed r, Messages messages) {
            out.println(messages.text("sync.usb.confirmed", r.sent().size(), r.changedSince().size(),
                    r.unknown().size()));
        }
    }
}
