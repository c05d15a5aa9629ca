package vn.motcua.counter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.AgencyCode;
import vn.motcua.counter.domain.DiacriticFolding;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.Status;

/**
 * Search latency over a generated counter database (docs/benchmarks.md). Not part of the normal run:
 * {@code ./mvnw -B -q test -pl app -am -Pbench -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.dossiers=200000 -Dbench.pages=10}. The database is generated once and kept (see {@link #folder}). Prints
 * p50/p95/max per kind of query against the 50 ms target; asserts that answers are right.
 */
class SearchBenchmark {

    private static final double TARGET_MS = 50;
    private static final int PER_DAY = 400;
    private static final int BATCH = 200;
    /** Kinds of query whose answer must include the sampled dossier. */
    private static final java.util.Set<String> UNIQUE =
            java.util.Set.of("full code", "code tail YYMMDD-NNNN", "ID number", "OCR: certificate number");

    private final int dossiers = Integer.getInteger("bench.dossiers", 20_000);
    private final int pagesPerDossier = Integer.getInteger("bench.pages", 10);
    private final int words = Integer.getInteger("bench.words", 120);
    private final int queries = Integer.getInteger("bench.queries", 100);
    /**
     * Generating 200,000 dossiers takes over ten minutes, so the database is kept under target/ and reused; the folder
     * is named after the generator's version and size, so a changed generator or size starts a new one.
     */
    private final Path folder = Path.of(System.getProperty("bench.dir", "target/bench/search-v%d-%dx%dx%d"
            .formatted(BenchData.VERSION, dossiers, pagesPerDossier, words))).toAbsolutePath();

    @Test
    void searchLatency() throws Exception {
        Settings settings = Settings.of(Map.of(Settings.DATA_DIR, folder.toString(),
                Settings.AGENCY_CODE, "000.00.00.H26"));
        try (CounterWiring counter = CounterWiring.open(settings, SaveLoopClock.DAY)) {
            int have = count(counter, "SELECT COUNT(*) FROM dossiers");
            if (have < dossiers) {
                generate(counter, have);
            }
            System.out.printf(Locale.ROOT, "%n%d dossiers, %d OCR'd pages, database %.1f GB%n",
                    count(counter, "SELECT COUNT(*) FROM dossiers"), count(counter, "SELECT COUNT(*) FROM page_texts"),
                    databaseBytes() / 1e9);
            measure(counter);
        }
    }

    private void generate(CounterWiring counter, int from) throws Exception {
        try (Statement st = counter.database().connection().createStatement()) {
            st.execute("PRAGMA synchronous = OFF"); // generation only: the counter itself always runs FULL
        }
        Procedure procedure = counter.catalogue().procedure("1.004873").orElseThrow();
        AgencyCode agency = new AgencyCode("000.00.00.H26");
        LocalDate first = LocalDate.of(2025, 1, 1);
        BenchData data = new BenchData(from);
        Map<String, String> texts = new HashMap<>();
        long started = System.nanoTime();
        for (int i = from; i < dossiers; i++) {
            LocalDate day = first.plusDays(i / PER_DAY);
            LocalDateTime received = data.receivedAt(day, i);
            DossierCode code = counter.dossiers().reserveCode(agency, day);
            var applicant = data.applicant(data.birthDate());
            List<Document> documents = data.documents(procedure.components(), pagesPerDossier,
                    (long) i * pagesPerDossier);
            Status status = i < dossiers * 0.9 ? Status.RETURNED : Status.values()[1 + data.nextInt(9)];
            counter.dossiers().saveReceived(new Dossier(code, applicant, procedure.code(), procedure.name(),
                    ProcessingTime.ofWorkingDays(3), documents, status, received, received.plusDays(5), "bench"),
                    "receipt-" + i);
            long page = (long) i * pagesPerDossier;
            for (Document d : documents) {
                for (var p : d.pages()) {
                    texts.put(p.contentId(), data.pageText(applicant.fullName(), words, page++));
                }
            }
            if ((i + 1) % BATCH == 0 || i + 1 == dossiers) {
                counter.dossierQueries().indexPageTexts(texts);
                texts.clear();
            }
            if ((i + 1) % 10_000 == 0) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "generated %d dossiers in %.0f s%n", i + 1, seconds);
            }
        }
        try (Statement st = counter.database().connection().createStatement()) {
            st.execute("INSERT INTO page_text (page_text) VALUES ('optimize')");
            st.execute("INSERT INTO dossier_names (dossier_names) VALUES ('optimize')");
            st.execute("ANALYZE");
        }
    }

    private record Sample(long id, String code, String name, String idNumber) {
    }

    private void measure(CounterWiring counter) throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (Statement st = counter.database().connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, code, applicant_name, applicant_id_number FROM dossiers "
                     + "ORDER BY random() LIMIT " + queries)) {
            while (rs.next()) {
                var columns = counter.database().columns();   // sealed in the file (decision 1201)
                samples.add(new Sample(rs.getLong(1), rs.getString(2), columns.open("applicant_name", rs.getString(3)),
                        columns.open("applicant_id_number", rs.getString(4))));
            }
        }
        BenchData data = new BenchData(42);
        Map<String, Function<Sample, String>> kinds = new LinkedHashMap<>();
        kinds.put("full code", Sample::code);
        kinds.put("code tail YYMMDD-NNNN", s -> s.code().substring(s.code().length() - 11));
        kinds.put("ID number", Sample::idNumber);
        kinds.put("full name, no diacritics", s -> DiacriticFolding.fold(s.name()));
        kinds.put("given name (common)", s -> s.name().substring(s.name().lastIndexOf(' ') + 1));
        // as typed in the search field, which searches on every keystroke: the first letter, then surname + initial
        kinds.put("typed: first letter", s -> DiacriticFolding.fold(s.name()).substring(0, 1));
        kinds.put("typed: surname + initial", s -> DiacriticFolding.fold(s.name()).replaceAll("^(\\S+ \\S).*", "$1"));
        kinds.put("OCR: certificate number", s -> BenchData.certificate(
                (s.id() - 1) * pagesPerDossier + data.nextInt(pagesPerDossier)));
        kinds.put("OCR: common phrase", s -> "quyen su dung dat");
        kinds.put("OCR: surname + 4 words (common)", s -> s.name().split(" ")[0] + " hop dong the chap");

        for (Sample s : samples.subList(0, Math.min(20, samples.size()))) {  // warm the page cache and the JIT
            kinds.values().forEach(k -> counter.lists().search(k.apply(s)));
        }
        List<Double> all = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        // CPU time of the searching thread (SQLite runs in it) besides the wall clock: on the shared build machine the
        // wall clock mostly measures the wait for a core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %10s %10s %6s%n", "query", "p50 ms", "p95 ms", "max ms",
                "CPU p50", "CPU p95", "rows");
        for (var kind : kinds.entrySet()) {
            List<Double> times = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            int rows = 0;
            for (Sample s : samples) {
                String query = kind.getValue().apply(s);
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                List<DossierSummary> found = counter.lists().search(query);
                times.add((System.nanoTime() - t) / 1e6);
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                rows += found.size();
                if (UNIQUE.contains(kind.getKey())) { // other queries match more than the 500 newest shown
                    assertThat(found.stream().anyMatch(d -> d.code().equals(s.code())))
                            .as("%s \"%s\" finds %s", kind.getKey(), query, s.code()).isTrue();
                }
            }
            all.addAll(times);
            double p95 = percentile(times, 95);
            if (p95 > TARGET_MS) {
                missed.add(kind.getKey());
            }
            System.out.printf(Locale.ROOT, "%-28s %8.1f %8.1f %8.1f %10.1f %10.1f %6d%n", kind.getKey(),
                    percentile(times, 50), p95, percentile(times, 100), percentile(cpu, 50), percentile(cpu, 95),
                    rows / samples.size());
        }
        System.out.printf(Locale.ROOT, "all %d searches: p95 %.1f ms; p95 of each kind ≤ %.0f ms: %s%n", all.size(),
                percentile(all, 95), TARGET_MS, missed.isEmpty() ? "MET" : "MISSED by " + missed);
    }

    /** The database with its write-ahead log, which holds the latest pages until a checkpoint. */
    private long databaseBytes() throws java.io.IOException {
        long bytes = 0;
        for (String suffix : List.of("", "-wal")) {
            Path file = folder.resolve(CounterWiring.DATABASE_FILE + suffix);
            bytes += Files.exists(file) ? Files.size(file) : 0;
        }
        return bytes;
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static int count(CounterWiring counter, String sql) throws Exception {
        try (Statement st = counter.database().connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
