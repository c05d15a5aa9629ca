package vn.motcua.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import vn.motcua.sync.wire.Keys;

/** The state in a real SQLite file: survives a new instance, upserts, forgets. */
class JdbcSyncStateTest {
    @TempDir
    Path dir;

    @Test
    void everythingSurvivesANewInstanceOverTheSameFile() {
        Path file = dir.resolve("app.db");
        JdbcSyncState a = Fixture.sqlite(file);
        assertThat(a.credential()).isEmpty();
        assertThat(a.cursor()).isEmpty();
        var pair = Keys.generate();
        var hubKey = Keys.generate().getPublic();
        a.saveCredential(new CounterCredential("c-7", "t-1", pair, hubKey));
        a.saveCredential(new CounterCredential("c-7", "t-2", pair, hubKey));
        a.saveUpload(new SyncState.Upload("ab".repeat(32), "http://h/api/v1/uploads/1", 0));
        a.saveUpload(new SyncState.Upload("ab".repeat(32), "http://h/api/v1/uploads/1", 262_144));
        a.saveUpload(new SyncState.Upload("cd".repeat(32), "http://h/api/v1/uploads/2", 5));
        a.forgetUpload("cd".repeat(32));
        a.saveCursor("v1-1");
        a.saveCursor("v1-2");

        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        JdbcSyncState b = new JdbcSyncState(ds);
        CounterCredential c = b.credential().orElseThrow();
        assertThat(c.counterId()).isEqualTo("c-7");
        assertThat(c.token()).isEqualTo("t-2");
        assertThat(c.counterKey().getPublic()).isEqualTo(pair.getPublic());
        assertThat(c.counterKey().getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(c.hubPublicKey()).isEqualTo(hubKey);
        assertThat(b.upload("ab".repeat(32))).get().extracting(SyncState.Upload::offset).isEqualTo(262_144L);
        assertThat(b.upload("cd".repeat(32))).isEmpty();
        assertThat(b.cursor()).contains("v1-2");
        assertThat(c.toString()).doesNotContain("t-2");
    }

    @Test
    void thePendingEnrolmentSurvivesANewInstanceAndTheCredentialClearsIt() {
        Path file = dir.resolve("app.db");
        JdbcSyncState a = Fixture.sqlite(file);
        assertThat(a.pendingEnrolment()).isEmpty();
        var first = Keys.generate();
        var pair = Keys.generate();
        a.savePendingEnrolment(new SyncState.PendingEnrolment("Quầy 1", first));
        a.savePendingEnrolment(new SyncState.PendingEnrolment("Quầy 2", pair));

        JdbcSyncState b = Fixture.sqlite(file);
        SyncState.PendingEnrolment p = b.pendingEnrolment().orElseThrow();
        assertThat(p.counterName()).isEqualTo("Quầy 2");
        assertThat(p.counterKey().getPublic()).isEqualTo(pair.getPublic());
        assertThat(p.counterKey().getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());

        b.saveCredential(new CounterCredential("c-1", "t-1", pair, Keys.generate().getPublic()));
        JdbcSyncState c = Fixture.sqlite(file);
        assertThat(c.pendingEnrolment()).isEmpty();
        assertThat(c.credential()).get().extracting(CounterCredential::counterId).isEqualTo("c-1");
    }
}
