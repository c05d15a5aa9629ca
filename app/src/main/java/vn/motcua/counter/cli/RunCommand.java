package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageProgress;
import vn.motcua.counter.application.stage.StageRunner;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code run [--until-idle] [--retry-failed]}: the dossier pipeline without a window, the same stage runner the
 * window starts. With {@code --until-idle} it returns once nothing is left to run (items waiting for a later retry or
 * for something outside are reported, not waited for); without, it works in the background until stopped (Ctrl+C,
 * SIGTERM). Exit 0 when nothing failed, 1 when an item failed, 3 when the wait timed out.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Chạy các công đoạn xử lý hồ sơ (làm sạch, nhận dạng chữ, bản điện tử…) không cần cửa sổ.")
public final class RunCommand implements Callable<Integer> {

    private static final int FAILED_LISTED = 50;

    @Spec
    CommandSpec spec;
    @Mixin
    JsonOption json;
    @Option(names = "--until-idle", description = "Dừng khi không còn việc nào để làm.")
    boolean untilIdle;
    @Option(names = "--retry-failed", description = "Thử lại mọi việc đã không thực hiện được trước khi chạy.")
    boolean retryFailed;
    @Option(names = "--timeout", defaultValue = "PT24H", paramLabel = "DURATION",
            description = "Thời gian chờ tối đa với --until-idle (ISO 8601, mặc định: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** Per stage what is left, and the items that failed or wait, with their reason. */
    public record Result(boolean idle, List<StageLine> stages, List<FailedItem> attention) {
    }

    public record StageLine(String stage, int waiting, int failed, int blocked, int finishedInRun) {
    }

    public record FailedItem(long id, String stage, String state, String dossier, String reason) {
    }

    @Override
    public Integer call() throws InterruptedException {
        Messages messages = Cli.messages(spec);
        PrintWriter err = spec.commandLine().getErr();
        try (CounterServices counter = Cli.open(spec)) {
            StageRunner pipeline = counter.pipeline();
            if (retryFailed) {
                for (Stage stage : Stage.values()) {
                    pipeline.retryFailed(stage);
                }
            }
            Runnable unsubscribe = pipeline.onProgress(() -> progress(err, pipeline.progress()));
            try {
                pipeline.start();
                boolean idle = untilIdle ? pipeline.awaitIdle(timeout) : runUntilStopped();
                Result result = result(idle, pipeline, messages);
                PrintWriter out = spec.commandLine().getOut();
                json.print(out, result, () -> print(out, result, messages));
                return !idle ? 3 : result.attention().stream().anyMatch(f -> "FAILED".equals(f.state())) ? 1 : 0;
            } finally {
                unsubscribe.run();
            }
        } catch (CounterException e) {
            err.println(messages.describe(e));
            err.flush();
            return 1;
        }
    }

    /** Works until the process is asked to stop; the services close in the caller as the hook returns. */
    private static boolean runUntilStopped() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "run-stop"));
        stopped.await();
        return true;
    }

    private void progress(PrintWriter err, StageProgress progress) {
        if (json.enabled()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (Stage stage : Stage.values()) {
            StageProgress.Counts c = progress.of(stage);
            if (c.runTotal() > 0) {
                line.append(line.isEmpty() ? "" : "  ").append(stage).append(' ').append(c.finishedInRun())
                        .append('/').append(c.runTotal());
            }
        }
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    private static Result result(boolean idle, StageRunner pipeline, Messages messages) {
        StageProgress progress = pipeline.progress();
        List<StageLine> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            StageProgress.Counts c = progress.of(stage);
            stages.add(new StageLine(stage.name(), c.toRun(), c.failed(), c.blocked(), c.finishedInRun()));
        }
        List<FailedItem> attention = pipeline.needingAttention(FAILED_LISTED).stream()
                .map(item -> failed(item, messages)).toList();
        return new Result(idle, stages, attention);
    }

    private static FailedItem failed(WorkItem item, Messages messages) {
        return new FailedItem(item.id(), item.stage().name(), item.state().name(), item.dossierCode(),
                item.error() == null ? "" : messages.text(item.error().messageKey(), item.error().arguments().toArray())
                        + (item.error().detail() == null ? "" : " (" + item.error().detail() + ")"));
    }

    private static void print(PrintWriter out, Result r, Messages messages) {
        if (!r.idle()) {
            out.println(messages.text("cli.run.timeout"));
        }
        for (StageLine s : r.stages()) {
            out.println(messages.text("cli.run.summary", messages.text("stage.name." + s.stage()), s.waiting(),
                    s.failed(), s.blocked()));
        }
        for (FailedItem f : r.attention()) {
            out.println(messages.text("cli.run.failed", f.id(), messages.text("stage.name." + f.stage()), f.dossier(),
                    f.reason()));
        }
    }
}
