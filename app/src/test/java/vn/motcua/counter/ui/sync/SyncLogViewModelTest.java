package vn.motcua.counter.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.SyncFailures;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;

/**
 * The sync log's view model on a real counter (SQLite file) sending to the real hub on loopback: dossiers sent, the
 * department's change taken and the pull that took it, a conflict that failed, a dossier waiting while the link is
 * down and the pull that failed, newest first in the clerk's words; "Thử lại" sends the failed one again.
 */
class SyncLogViewModelTest {

    private static final String OFFICER = "Chuyên viên Lê Văn Tâm";

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    private final UiExecutors inline = new UiExecutors(Runnable::run, Runnable::run);
    private final Messages messages = Messages.of(Locale.forLanguageTag("vi"));
    private final MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 0));

    @Test
    void listsWhatSyncDidNewestFirstAndRetriesTheFailedDossier() throws Exception {
        try (TestHub hub = TestHub.start(hubData); FaultProxy link = new FaultProxy(hub.server.port(), 1);
             CounterWiring counter = CounterWiring.open(TestCounter.hubSettings(data, link.uri().toString(),
                     hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code(),
                     Map.of("sync.pull_seconds", "0")), clock)) {
            TestCounter.awaitEnrolled(counter);
            DossierCode a = receive(counter, 1);
            syncNow(counter);
            at(9, 5);
            hub.hub.processing().changeStatus(a.value(), 4, OFFICER, null);
            syncNow(counter);
            at(9, 10);
            DossierCode b = receive(counter, 2);
            syncNow(counter);
            at(9, 15);
            SyncFailures.failWithConflict(counter, data, b);
            at(9, 20);
            link.down(true);
            DossierCode c = receive(counter, 3);
            syncNow(counter);

            SyncLogViewModel model = new SyncLogViewModel(counter.syncLog(), counter.syncing(), messages, inline,
                    clock.getZone());
            model.show();
            assertThat(worked(model.rows())).extracting(r -> r.time() + " | " + r.kind() + " | " + r.dossier())
                    .containsExactly(
                            "09:20 23/11/2026 | Chờ gửi lại | " + c.value(),
                            "09:15 23/11/2026 | Gửi lỗi | " + b.value(),
                            "09:10 23/11/2026 | Đã gửi | " + b.value(),
                            "09:05 23/11/2026 | Thay đổi từ sở | " + a.value(),
                            "09:00 23/11/2026 | Đã gửi | " + a.value());
            List<SyncLogViewModel.Row> rows = worked(model.rows());
            assertThat(rows.get(0).detail()).startsWith(messages.text("sync.error.offline") + " · ")
                    .matches(".* · \\d lần thử · thử lại lúc \\d\\d:\\d\\d 23/11/2026");
            assertThat(rows.get(1).detail()).isEqualTo(messages.text("sync.error.conflict") + " · 1 lần thử");
            assertThat(rows.get(1).retryable()).isTrue();
            assertThat(rows.get(0).retryable()).isFalse();
            assertThat(rows.get(2).detail()).isEqualTo("Phiên bản 1 · qua mạng");
            assertThat(rows.get(3).detail()).startsWith("Đổi trạng thái: Đang xử lý · " + OFFICER + ", ")
                    .endsWith(" · đã áp dụng");
            assertThat(model.rows()).extracting(r -> r.kind() + " | " + r.detail())
                    .contains("Lấy cập nhật từ sở | 1 thay đổi đã áp dụng · 0 không áp dụng được · 0 cho hồ sơ "
                            + "không có trên máy", "Lỗi lấy cập nhật | Không kết nối được máy chủ tỉnh; cập nhật từ sở sẽ được lấy khi có mạng.");
            assertThat(model.rows()).as("no personal data beyond the dossier code")
                    .noneMatch(r -> (r.detail() + r.dossier()).contains(TestCounter.APPLICANT_NAME));
            assertThat(model.messageProperty().get()).startsWith(model.rows().size() + " mục, mới nhất trước");

            // the clerk mends nothing on the screen; IT staff sorted the conflict out, the link is back: Thử lại
            SyncFailures.mend(data, b);
            link.down(false);
            at(9, 25);
            model.retry(rows.get(1));
            assertThat(model.messageProperty().get()).startsWith("Đã đưa hồ sơ " + b.value()
                    + " vào hàng chờ gửi lại. ");
            assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
            model.show();
            // the waiting one went too, now that the link is back
            assertThat(worked(model.rows()).subList(0, 2)).extracting(r -> r.time() + " | " + r.kind() + " | "
                    + r.dossier() + " | " + r.detail()).containsExactlyInAnyOrder(
                    "09:25 23/11/2026 | Đã gửi | " + b.value() + " | Phiên bản 2 · qua mạng",
                    "09:25 23/11/2026 | Đã gửi | " + c.value() + " | Phiên bản 1 · qua mạng");
            assertThat(model.rows()).noneMatch(SyncLogViewModel.Row::retryable);
            assertThat(hub.count("select count(*) from manifests where code = '" + b.value() + "'")).isEqualTo(2);
        }
    }

    /** Without the pulls, which the counter also makes on its own a moment after each delivery. */
    private List<SyncLogViewModel.Row> worked(List<SyncLogViewModel.Row> rows) {
        return rows.stream().filter(r -> !r.kind().equals(messages.text("synclog.kind.PULLED"))
                && !r.kind().equals(messages.text("synclog.kind.PULL_FAILED"))).toList();
    }

    private void at(int hour, int minute) {
        clock.set(LocalDateTime.of(2026, 11, 23, hour, minute));
    }

    private static DossierCode receive(CounterWiring counter, int number) throws InterruptedException {
        DossierCode code = counter.reception().receive(TestCounter.request(counter, number), counter.profile())
                .dossier().code();
        assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(30))).isTrue();
        return code;
    }

    private static void syncNow(CounterWiring counter) throws InterruptedException {
        counter.syncing().syncNow(Duration.ofSeconds(30));
    }
}
