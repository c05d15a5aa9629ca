package vn.motcua.sync.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.http.BulkLane;
import vn.motcua.sync.hub.support.ChildHub;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.hub.support.TestPostgres;
import vn.motcua.sync.hub.support.ThreadNice;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Sha256;

/**
 * 200 counters at once, each sending 5 dossiers of 3 MB (three 1 MB scans) over tus in 1 MB PATCHes and then the
 * manifest, against one hub JVM on the disk store and a PostgreSQL on the same machine. Prints errors, the manifest
 * latency beside {@code /health}'s under the same load (the peer), throughput and the hub's CPU time per MB. The
 * counters' uploads run 10 nice steps down (they stand in for PCs of their own, decision 0705); their manifests and the
 * {@code /health} probe at normal priority. A warm-up burst (one dossier of one file per counter, untimed) goes first,
 * as a hub in service has run its code before a burst comes. {@code -Dbench.counters=200 -Dbench.dossiers=5 -Dbench.mb=3}.
 */
class LoadBenchmark {
    private static final int COUNTERS = Integer.getInteger("bench.counters", 200);
    private static final int DOSSIERS = Integer.getInteger("bench.dossiers", 5);
    private static final int MB = Integer.getInteger("bench.mb", 3);
    private static final java.time.LocalDate DAY = java.time.LocalDate.of(2026, 12, 4);
    private static final java.time.LocalDate WARM_UP_DAY = DAY.minusDays(1);

    @TempDir
    Path dir;

    @Test
    void manyCountersSendAtOnce() throws Exception {
        Map<String, String> env = TestHub.env(TestPostgres.newDatabase());
        env.put("MOTCUA_HUB_DB_POOL", "32");
        ChildHub hub = ChildHub.start(Files.createDirectories(dir.resolve("hub")), env, dir.resolve("hub.log"));
        ProcessHandle hubProcess = hub.handle();
        try (TestHub admin = TestHub.start(Files.createDirectories(dir.resolve("admin")), env)) {
            List<CounterClient> counters = new ArrayList<>();
            for (int i = 0; i < COUNTERS; i++) {
                counters.add(admin.enrolCounter("Quầy " + i).via(hub.base));
            }
            byte[] noise = new byte[1024 * 1024];
            new Random(1).nextBytes(noise);
            Stats manifests = new Stats();
            Stats health = new Stats();
            AtomicInteger errors = new AtomicInteger();
            java.util.Map<String, Integer> kinds = new java.util.concurrent.ConcurrentHashMap<>();
            // The counters' files stand in for 200 PCs of their own: here they share the hub's two cores, so their
            // uploads (threads, HTTP client and its I/O thread) run 10 nice steps down, as the hub's own upload lane
            // does, and take what the manifests leave. Manifests are sent and timed at normal priority, on threads
            // started beforehand by this (normal) thread, so no manifest waits for a thread or inherits the lower one.
            ThreadFactory lowered = task -> Thread.ofPlatform().daemon(true).unstarted(() -> {
                BulkLane.lowerThisThread();
                task.run();
            });
            ThreadPoolExecutor manifestLane = new ThreadPoolExecutor(COUNTERS, COUNTERS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
            manifestLane.prestartAllCoreThreads();
            HttpClient uploadHttp;
            try (ExecutorService once = Executors.newSingleThreadExecutor(lowered)) {
                uploadHttp = once.submit(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .executor(Executors.newCachedThreadPool(lowered)).build()).get();
            }
            Burst burst = new Burst(counters, noise, lowered, manifestLane, uploadHttp, errors, kinds);
            // a hub in service has run its code many times before a burst: one dossier of one file per counter, at
            // once, compiles the hot paths of both JVMs first and is neither timed nor counted below
            burst.send(WARM_UP_DAY, 1, 1, new Stats());
            Map<String, Long> manifestsBefore = hubSide(hub.base, "/api/v1/dossiers/{code}");
            Map<String, Long> healthBefore = hubSide(hub.base, "/health");
            Duration cpuBefore = hubProcess.info().totalCpuDuration().orElse(Duration.ZERO);
            long start = System.nanoTime();
            Thread prober = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        long t = System.nanoTime();
                        CounterClient.HTTP.send(HttpRequest.newBuilder(hub.base.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding());
                        health.add(System.nanoTime() - t);
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        kinds.merge("/health " + e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
            });
            long lowerThreads = burst.send(DAY, DOSSIERS, MB, manifests);
            System.out.printf("LOAD generator threads set lower (uploads, their HTTP client): %d of %d%n", lowerThreads, threadCount());
            manifestLane.shutdown();
            uploadHttp.close();
            prober.interrupt();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (hubProcess.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore)).toMillis() / 1000.0;
            long mb = (long) COUNTERS * DOSSIERS * MB;
            System.out.printf("LOAD %d counters x %d dossiers x %d MB: errors %d, %.1f s, %.1f MB/s%n", COUNTERS, DOSSIERS, MB, errors.get(), seconds, mb / seconds);
            System.out.printf("LOAD manifest PUT %s%n", manifests.summary());
            kinds.forEach((kind, n) -> System.out.printf("LOAD error %d x %s%n", n, kind));
            System.out.printf("LOAD /health under the same load (peer) %s; manifest p95 / health p95 = %.2f%n", health.summary(),
                    manifests.percentile(95) / health.percentile(95));
            printHubSide("manifest PUT", hubSide(hub.base, "/api/v1/dossiers/{code}"), manifestsBefore);
            printHubSide("/health", hubSide(hub.base, "/health"), healthBefore);
            System.out.printf("LOAD hub CPU %.1f s for %d MB = %.1f ms CPU per MB (2 cores shared with the load generator and PostgreSQL)%n", cpu, mb, cpu * 1000 / mb);
            assertThat(errors.get()).isZero();
            assertThat(admin.count("select count(*) from manifests")).isEqualTo((long) COUNTERS * (DOSSIERS + 1));
        } finally {
            hub.close();
        }
    }

    /** This JVM's threads whose nice value is above this process's main thread's (from /proc). */
    private static long lowerThreads() throws java.io.IOException {
        int base = ThreadNice.of(Path.of("/proc/self/stat"));
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return ThreadNice.of(t.resolve("stat")) > base;
                } catch (java.io.IOException | RuntimeException gone) {
                    return false;
                }
            }).count();
        }
    }

    private static long threadCount() throws java.io.IOException {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.count();
        }
    }

    /** The hub's own {@code hub_request_seconds} histogram for a route: the cumulative count at each bound. */
    private static Map<String, Long> hubSide(java.net.URI base, String route) throws Exception {
        String metrics = CounterClient.HTTP.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("hub_request_seconds_bucket\\{le=\"([^\"]+)\",route=\"" + java.util.regex.Pattern.quote(route)
                + "\"} (\\d+)").matcher(metrics);
        java.util.regex.Matcher alt = java.util.regex.Pattern.compile("hub_request_seconds_bucket\\{route=\"" + java.util.regex.Pattern.quote(route)
                + "\",le=\"([^\"]+)\"} (\\d+)").matcher(metrics);
        Map<String, Long> buckets = new java.util.LinkedHashMap<>();
        while (m.find()) {
            buckets.put(m.group(1), Long.parseLong(m.group(2)));
        }
        while (alt.find()) {
            buckets.put(alt.group(1), Long.parseLong(alt.group(2)));
        }
        return buckets;
    }

    /**
     * The timed burst's requests as the hub timed them (the histogram now less before): the share answered within each
     * bound. What the load generator measures beyond it is the wait for the hub's accept and the client's own queue
     * (both on the same two cores).
     */
    private static void printHubSide(String name, Map<String, Long> now, Map<String, Long> before) {
        long all = now.getOrDefault("+Inf", 0L) - before.getOrDefault("+Inf", 0L);
        StringBuilder line = new StringBuilder();
        now.forEach((le, n) -> line.append(String.format(java.util.Locale.ROOT, " <=%ss %.1f%%", le,
                all == 0 ? 0 : 100.0 * (n - before.getOrDefault(le, 0L)) / all)));
        System.out.printf("LOAD %s inside the hub (n=%d):%s%n", name, all, line);
    }

    /**
     * As a counter's client does: a connect time-out or a {@code 503 busy} is tried again (three tries, 5 s apart);
     * each retry is counted and printed, and only a request that still fails is an error.
     */
    private static <T> T retrying(java.util.Map<String, Integer> kinds, java.util.concurrent.Callable<T> call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = call.call();
                boolean busy = result instanceof HttpResponse<?> r && r.statusCode() == 503
                        || result instanceof Integer status && status == 503;
                if (!busy || attempt == 3) {
                    return result;
                }
                kinds.merge("retried after 503 busy", 1, Integer::sum);
            } catch (java.net.http.HttpConnectTimeoutException | IllegalStateException e) {
                if (attempt == 3 || (e instanceof IllegalStateException && !String.valueOf(e.getMessage()).contains(" 503 "))) {
                    throw e;
                }
                kinds.merge("retried after " + e.getClass().getSimpleName(), 1, Integer::sum);
            }
            Thread.sleep(5000);
        }
    }

    /**
     * Every counter at once sends {@code dossiers} dossiers received on {@code day}, each of {@code mb} 1 MB scans
     * uploaded in one PATCH, then its manifest, timed into {@code manifests}.
     */
    private record Burst(List<CounterClient> counters, byte[] noise, ThreadFactory lowered, ExecutorService manifestLane,
                         HttpClient uploadHttp, AtomicInteger errors, Map<String, Integer> kinds) {
        /** Returns how many of this JVM's threads ran lowered while the counters' threads were still there. */
        long send(java.time.LocalDate day, int dossiers, int mb, Stats manifests) throws Exception {
            try (ExecutorService pool = Executors.newFixedThreadPool(counters.size(), lowered)) {
                List<Future<?>> runs = new ArrayList<>();
                for (int c = 0; c < counters.size(); c++) {
                    int counterNo = c;
                    CounterClient counter = counters.get(c);
                    CounterClient uploader = counter.using(uploadHttp);
                    runs.add(pool.submit(() -> {
                        // one buffer per counter, refilled for each file: a new 1 MB array per file kept this JVM's
                        // collector (at normal priority, not lowered with the uploads) busier than the hub's handlers
                        byte[] scan = noise.clone();
                        for (int d = 0; d < dossiers; d++) {
                            try {
                                List<FileRef> files = new ArrayList<>();
                                for (int f = 0; f < mb; f++) {
                                    String tag = day + "/" + counterNo + "/" + d + "/" + f + "/";
                                    System.arraycopy(tag.getBytes(), 0, scan, 0, tag.length());
                                    String sha = Sha256.hex(scan);
                                    if (retrying(kinds, () -> uploader.upload(scan, sha, 1024 * 1024)) != 204) {
                                        errors.incrementAndGet();
                                    }
                                    files.add(new FileRef(sha, scan.length, "trang-" + f + ".jpg", FileRef.Kind.SCAN_PAGE));
                                }
                                DossierManifest m = manifest(day, counterNo, d, files);
                                HttpResponse<String> r = manifestLane.submit(() -> {
                                    long t = System.nanoTime();
                                    HttpResponse<String> answer = retrying(kinds, () -> counter.put(m));
                                    manifests.add(System.nanoTime() - t);
                                    return answer;
                                }).get();
                                if (r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    kinds.merge("manifest HTTP " + r.statusCode(), 1, Integer::sum);
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                kinds.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : runs) {
                    f.get();
                }
                return lowerThreads();
            }
        }
    }

    private static DossierManifest manifest(java.time.LocalDate day, int counter, int d, List<FileRef> files) {
        java.time.OffsetDateTime at = day.atTime(8, 0).atOffset(java.time.ZoneOffset.ofHours(7)).plusMinutes(d);
        return new DossierManifest("000.00.15.H42-%s-%04d".formatted(day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")),
                counter * 10 + d), 1, "000.00.15.H42",
                new DossierManifest.Procedure("1.001612", "Đăng ký khai sinh", "HT", "Hộ tịch"),
                new DossierManifest.Applicant(DossierManifest.IdKind.PERSONAL_ID, "001190012345", "Nguyễn Văn A", null, null, null, null, null),
                null, at, at.plusDays(3), null, 2, 1, List.of(new DossierManifest.Component("TP1", "Tờ khai", 1, 0, 0, files)),
                List.of(), List.of(new DossierManifest.Event(at, "RECEIVED", 2, "Cán bộ", null)));
    }
}
