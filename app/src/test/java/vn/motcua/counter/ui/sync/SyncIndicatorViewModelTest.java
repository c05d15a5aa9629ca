package vn.motcua.counter.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.MovableClock;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;

/** The indicator's view model on a real counter, without a window: off, offline with one waiting, then online. */
class SyncIndicatorViewModelTest {

    @TempDir
    Path data;
    @TempDir
    Path hubData;

    private final UiExecutors inline = new UiExecutors(Runnable::run, Runnable::run);
    private final Messages messages = Messages.of(Locale.forLanguageTag("vi"));

    @Test
    void withoutAHubTheIndicatorSaysSyncIsOff() {
        try (CounterWiring counter = TestCounter.open(data, new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30)));
             SyncIndicatorViewModel model = new SyncIndicatorViewModel(counter.syncing(), counter.pipeline(),
                     messages, inline, counter.clock())) {
            model.refresh();
            assertThat(model.enabledProperty().get()).isFalse();
            assertThat(model.statusProperty().get()).isEqualTo("Đồng bộ: tắt (chưa cấu hình máy chủ tỉnh)");
            assertThat(model.lastPullProperty().get()).isEmpty();
            assertThat(model.revokedProperty().get()).isFalse();
        }
    }

    @Test
    void offlineItCountsTheWaitingDossierAndSyncNowSendsIt() throws Exception {
        MovableClock clock = new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30));
        try (TestHub hub = TestHub.start(hubData); FaultProxy link = new FaultProxy(hub.server.port(), 1);
             CounterWiring counter = CounterWiring.open(TestCounter.hubSettings(data, link.uri().toString(),
                     hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "test").code()),
                     clock);
             SyncIndicatorViewModel model = new SyncIndicatorViewModel(counter.syncing(), counter.pipeline(),
                     messages, inline, clock)) {
            TestCounter.awaitEnrolled(counter);
            link.down(true);
            var code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
            assertThat(counter.pipeline().awaitIdle(Duration.ofSeconds(20))).isTrue();
            model.refresh();
            var dossier = new vn.motcua.counter.ui.dossier.DossierViewModel(counter.lifecycle(), counter.reception(),
                    counter.copies(), counter.pipeline(), counter.profile(), messages, inline, code);
            dossier.syncing(counter.syncing());
            dossier.refreshSync();
            assertThat(dossier.syncStateProperty().get()).isEqualTo("Máy chủ tỉnh: Chờ gửi: "
                    + messages.text("sync.error.offline"));
            assertThat(model.onlineProperty().get()).isFalse();
            assertThat(model.statusProperty().get()).isEqualTo("Ngoại tuyến · 1 hồ sơ chờ gửi · 0 lỗi");

            clock.set(LocalDateTime.of(2026, 11, 23, 9, 41));
            model.syncNow();   // the link is still down: the pull after sending fails too
            assertThat(model.lastPullProperty().get()).isEqualTo("Cập nhật từ sở: không lấy được lúc 09:41");
            assertThat(model.lastPullProblemProperty().get()).as("a pull's own words: nothing is being sent")
                    .isEqualTo("Không kết nối được máy chủ tỉnh; cập nhật từ sở sẽ được lấy khi có mạng.");

            link.down(false);
            clock.set(LocalDateTime.of(2026, 11, 23, 10, 42));
            model.syncNow();
            assertThat(model.onlineProperty().get()).isTrue();
            assertThat(model.statusProperty().get()).isEqualTo("Trực tuyến · 0 hồ sơ chờ gửi · 0 lỗi");
            assertThat(model.lastPullProperty().get()).isEqualTo("Cập nhật từ sở: 10:42");
            assertThat(model.lastPullProblemProperty().get()).isEmpty();
            assertThat(hub.count("select count(*) from manifests where code = '" + code.value() + "'")).isEqualTo(1);
            dossier.refreshSync();
            assertThat(dossier.syncStateProperty().get()).isEqualTo("Máy chủ tỉnh: Đã gửi");
            assertThat(dossier.syncFailedProperty().get()).isFalse();
        }
    }

    /** Seen in a screenshot: with the hub unreachable at first start and nothing sent yet it said "Trực tuyến". */
    @Test
    void beforeEnrolmentItIsNeverShownOnline() throws Exception {
        try (TestHub hub = TestHub.start(hubData);
             CounterWiring counter = CounterWiring.open(TestCounter.hubSettings(data, hub.base.toString(), null),
                     new MovableClock(LocalDateTime.of(2026, 11, 23, 9, 30)));
             SyncIndicatorViewModel model = new SyncIndicatorViewModel(counter.syncing(), counter.pipeline(),
                     messages, inline, counter.clock())) {
            model.refresh();
            assertThat(model.onlineProperty().get()).isFalse();
            assertThat(model.statusProperty().get()).isEqualTo("Chưa đăng ký với máy chủ tỉnh · 0 hồ sơ chờ gửi");
        }
    }
}
