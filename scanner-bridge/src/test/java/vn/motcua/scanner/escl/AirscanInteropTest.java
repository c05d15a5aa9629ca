package vn.motcua.scanner.escl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.scanner.simulator.escl.EsclSimulator;
import vn.motcua.scanner.simulator.escl.EsclSimulatorConfig;

/**
 * The simulator against an independent eSCL client: Debian's sane-airscan driven by scanimage, with a private
 * SANE configuration that knows only the simulator.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AirscanInteropTest {

    private static final String DEVICE = "airscan:e0:Sim";

    @TempDir
    Path work;
    private EsclSimulator simulator;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        assertThat(Path.of("/usr/bin/scanimage")).as("apt-get install sane-utils sane-airscan").isExecutable();
        simulator = EsclSimulator.startOnLoopback(EsclSimulatorConfig.defaults().withSheets(3));
        config = Files.createDirectories(work.resolve("sane.d"));
        Files.writeString(config.resolve("dll.conf"), "airscan\n");
        Files.writeString(config.resolve("airscan.conf"), "[devices]\n\"Sim\" = " + simulator.baseUri()
                + ", eSCL\n[options]\ndiscovery = disable\n");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private record Run(int exitCode, String output) {
    }

    private Run scanimage(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("scanimage"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("SANE_CONFIG_DIR", config.toString());
        Process process = builder.start();
        // Drain output on a separate thread so a chatty scanimage cannot block on a full pipe.
        var output = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                output.complete(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.complete(e.toString());
            }
        });
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scanimage did not finish within 60 s");
        }
        return new Run(process.exitValue(), output.join());
    }

    private static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".pnm")).sorted().toList();
        }
    }

    /** The width and height in a PNM header ("P5\n# comment\nW H\n255\n"). */
    private static int[] pnmSize(Path file) throws IOException {
        byte[] head = new byte[200];
        try (var in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length);
        }
        String[] lines = new String(head, StandardCharsets.US_ASCII).split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].startsWith("#")) {
                String[] size = lines[i].trim().split("\\s+");
                return new int[] {Integer.parseInt(size[0]), Integer.parseInt(size[1])};
            }
        }
        throw new IOException("no PNM size");
    }

    @Test
    void airscanListsTheSimulator() throws Exception {
        Run run = scanimage(work, "-L");

        assertThat(run.output()).contains("device `" + DEVICE + "'");
    }

    @Test
    void airscanScansAFeederBatchInGrey() throws Exception {
        Path out = Files.createDirectories(work.resolve("grey"));

        Run run = scanimage(out, "-d", DEVICE, "--source", "ADF", "--mode", "Gray", "--resolution", "200",
                "-x", "210", "-y", "297", "--format=pnm", "--batch=page%d.pnm");

        assertThat(run.output()).contains("3 pages scanned");
        List<Path> pages = pages(out);
        assertThat(pages).hasSize(3);
        for (Path page : pages) {
            assertThat(Files.readString(page, StandardCharsets.ISO_8859_1)).startsWith("P5");
            int[] size = pnmSize(page);
            assertThat(size[0]).isBetween(1652, 1654);
            assertThat(size[1]).isBetween(2337, 2339);
        }
    }

    @Test
    void airscanScansBothSidesInColour() throws Exception {
        Path out = Files.createDirectories(work.resolve("duplex"));
        simulator.setConfig(EsclSimulatorConfig.defaults().withSheets(2));

        Run run = scanimage(out, "-d", DEVICE, "--source", "ADF Duplex", "--mode", "Color", "--resolution", "100",
                "--format=pnm", "--batch=page%d.pnm");

        assertThat(run.output()).contains("4 pages scanned");
        assertThat(pages(out)).hasSize(4).allSatisfy(page ->
                assertThat(Files.readString(page, StandardCharsets.ISO_8859_1)).startsWith("P6"));
    }

    @Test
    void airscanSeesTheSimulatedJamAfterTheFirstPages() throws Exception {
        Path out = Files.createDirectories(work.resolve("jam"));
        simulator.setConfig(EsclSimulatorConfig.defaults().withSheets(5).withJamAtPage(3));

        Run run = scanimage(out, "-d", DEVICE, "--source", "ADF", "--mode", "Gray", "--resolution", "100",
                "--format=pnm", "--batch=page%d.pnm");

        assertThat(run.output()).containsIgnoringCase("jammed");
        assertThat(pages(out)).hasSize(2);
    }

    @Test
    void airscanReportsAnEmptyFeeder() throws Exception {
        Path out = Files.createDirectories(work.resolve("empty"));
        simulator.setConfig(EsclSimulatorConfig.defaults().withSheets(0));

        Run run = scanimage(out, "-d", DEVICE, "--source", "ADF", "--mode", "Gray", "--resolution", "100",
                "--format=pnm", "--batch=page%d.pnm");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("out of documents");
        assertThat(pages(out)).isEmpty();
    }

    @Test
    void airscanScansTheFlatbed() throws Exception {
        Path out = Files.createDirectories(work.resolve("flatbed"));

        Run run = scanimage(out, "-d", DEVICE, "--source", "Flatbed", "--mode", "Color", "--resolution", "100",
                "--format=pnm", "-o", "flatbed.pnm");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(pnmSize(out.resolve("flatbed.pnm"))[0]).isBetween(849, 851);
    }
}
