package vn.motcua.sync.hub.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.ChildHub;
import vn.motcua.sync.hub.support.CounterClient;

/**
 * {@code ./motcua-hub serve} on the embedded default, from the command to {@code /health} answering 200: on a new
 * data folder (initdb included) and again on the same folder; beside the JVM's own start ({@code ./motcua-hub
 * --help}) in the same run. Needs the hub built ({@code ./mvnw -B -q -DskipTests package -pl sync/hub -am}).
 */
class ColdStartBenchmark {
    @TempDir
    Path dir;

    @Test
    void coldStartIsShort() throws Exception {
        long help = time(new ProcessBuilder(ChildHub.LAUNCHER.toString(), "--help"));
        System.out.printf("COLD ./motcua-hub --help (JVM start, peer): %d ms%n", help);
        Path data = dir.resolve("hub-data");
        for (String run : new String[] {"new data folder", "same folder again"}) {
            ProcessBuilder pb = new ProcessBuilder(ChildHub.LAUNCHER.toString(), "serve", "--port", "18787", "--data", data.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            try {
                long ms = -1;
                for (int i = 0; i < 600 && ms < 0; i++) {
                    try {
                        HttpResponse<Void> r = CounterClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18787/health"))
                                .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            ms = (System.nanoTime() - start) / 1_000_000;
                        }
                    } catch (java.io.IOException notYet) {
                        Thread.sleep(50);
                    }
                }
                System.out.printf("COLD ./motcua-hub serve, %s: ready in %d ms (target 10000 ms); ratio to --help %.1f%n", run, ms, ms / (double) help);
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    private static long time(ProcessBuilder pb) throws Exception {
        long start = System.nanoTime();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
