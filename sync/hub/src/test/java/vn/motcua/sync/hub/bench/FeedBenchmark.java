package vn.motcua.sync.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.TestHub;

/**
 * The changes feed with one million dossiers (and two million changes) generated in PostgreSQL across 1,000
 * counters: pages of 100 from random cursors, over HTTP, beside {@code /health} in the same run.
 * {@code -Dbench.dossiers=1000000 -Dbench.queries=2000}.
 */
class FeedBenchmark {
    private static final int DOSSIERS = Integer.getInteger("bench.dossiers", 1_000_000);
    private static final int COUNTERS = 1000;
    private static final int QUERIES = Integer.getInteger("bench.queries", 2000);

    @TempDir
    Path dir;

    @Test
    void theFeedAnswersQuicklyWithAMillionDossiers() throws Exception {
        try (TestHub hub = TestHub.start(dir)) {
            // one real counter to call with; the rest are generated rows
            CounterClient caller = hub.enrolCounter("Quầy đo");
            long t0 = System.nanoTime();
            hub.hub.database().inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("insert into counters (id, name, last_seq) select 'gen-' || i, 'Quầy sinh ' || i, 0 from generate_series(1, " + COUNTERS + ") i");
                    s.execute("""
                            insert into dossiers (code, counter_id, agency_code, latest_revision, status, procedure_name, applicant_name, received_at, updated_at)
                            select '000.00.15.H42-' || to_char(date '2026-01-01' + (i / 10000), 'YYMMDD') || '-' || lpad(mod(i, 10000)::text, 4, '0'),
                                   case when mod(i, COUNTERS_PLUS_ONE) = 0 then 'CALLER' else 'gen-' || (1 + mod(i, COUNTERS)) end, '000.00.15.H42', 1, 4,
                                   'Đăng ký khai sinh', 'Người nộp ' || i, now() - (i || ' minutes')::interval, now()
                              from generate_series(1, DOSSIERS) i"""
                            .replace("COUNTERS_PLUS_ONE", Integer.toString(COUNTERS + 1)).replace("CALLER", caller.counterId)
                            .replace("COUNTERS", Integer.toString(COUNTERS)).replace("DOSSIERS", Integer.toString(DOSSIERS)));
                    s.execute("""
                            insert into changes (counter_id, seq, code, kind, status, at, by_name, reason, files)
                            select counter_id, row_number() over (partition by counter_id order by code, k), code,
                                   case k when 1 then 'STATUS' else 'RESULT' end, case k when 1 then 4 else 9 end, now(), 'Chuyên viên', null, '[]'
                              from dossiers, generate_series(1, 2) k""");
                    s.execute("update counters c set last_seq = (select coalesce(max(seq), 0) from changes where counter_id = c.id)");
                    s.execute("analyze");
                }
                return null;
            });
            System.out.printf("FEED generated %d dossiers, %d changes in %.1f s%n", hub.count("select count(*) from dossiers"),
                    hub.count("select count(*) from changes"), (System.nanoTime() - t0) / 1e9);
            long mine = hub.count("select last_seq from counters where id = '" + caller.counterId + "'");
            Random random = new Random(5);
            Stats feed = new Stats();
            Stats health = new Stats();
            for (int i = 0; i < 100; i++) { // warm-up
                caller.changes(null);
            }
            for (int i = 0; i < QUERIES; i++) {
                long after = random.nextLong(Math.max(1, mine));
                String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + after).getBytes());
                long t = System.nanoTime();
                HttpResponse<String> r = caller.send(caller.request("/api/v1/changes?limit=100&after=" + cursor).GET().build());
                feed.add(System.nanoTime() - t);
                assertThat(r.statusCode()).isEqualTo(200);
                t = System.nanoTime();
                CounterClient.HTTP.send(HttpRequest.newBuilder(hub.base.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding());
                health.add(System.nanoTime() - t);
            }
            System.out.printf("FEED GET /api/v1/changes?limit=100 (%d changes for this counter) %s%n", mine, feed.summary());
            System.out.printf("FEED /health in the same run (peer) %s; feed p95 / health p95 = %.2f%n", health.summary(),
                    feed.percentile(95) / health.percentile(95));
        }
    }
}
