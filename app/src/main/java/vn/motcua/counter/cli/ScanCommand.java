package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.Scanners;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PageFileWriter;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerDevice;

/**
 * {@code motcua scan --list} and {@code motcua scan --device ID [--source ..] [--dpi N] [--mode ..] --out DIR}:
 * one PNG per page, written as each page arrives. Exit codes: 0 done, 1 scan stopped (pages so far are kept),
 * 2 usage, 3 device not found or unreachable.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "List scanners, or scan pages into a folder (one PNG per page).")
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "List the scanners every driver can see.")
    boolean list;

    @Option(names = "--device", paramLabel = "ID", description = "Device id from --list, e.g. sane:net:127.0.0.1:test:0")
    String deviceId;

    @Option(names = "--source", defaultValue = "adf", description = "flatbed, adf or duplex (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--dpi", defaultValue = "300", description = "Resolution (default: ${DEFAULT-VALUE})")
    int dpi;

    @Option(names = "--mode", defaultValue = "gray", description = "color, gray or lineart (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for page-001.png, page-002.png, ...")
    Path out;

    @Option(names = "--sane-host", paramLabel = "HOST[:PORT]",
            description = "saned to ask (repeatable; default 127.0.0.1)")
    List<String> saneHosts = new ArrayList<>();

    @Mixin
    JsonOption json;

    /** {@code --list --json}: what every driver sees, and the drivers that could not look (by error name). */
    public record ListResult(List<Device> devices, Map<String, String> failedDrivers) {
    }

    public record Device(String id, String name, String driver) {
    }

    /** {@code --json} after a scan: the job's end and one entry per page file written. */
    public record Result(String device, String state, String error, List<Page> pages) {
    }

    public record Page(String file, int page, int sheet, String side, int dpi) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (list == (deviceId != null)) {
            stderr.println("Give either --list or --device ID.");
            return 2;
        }
        ScanSettings settings;
        try {
            settings = new ScanSettings(PaperSource.fromCliName(source), dpi, ColorMode.fromCliName(mode),
                    PaperSize.A4);
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return 2;
        }
        if (!list && out == null) {
            stderr.println("--out DIR is required to scan.");
            return 2;
        }
        try (Scanners scanners = Cli.access(spec).scanners(saneHosts)) {
            return list ? list(scanners, stdout) : scan(scanners, settings, stdout, stderr);
        }
    }

    private int list(Scanners scanners, PrintWriter stdout) throws Exception {
        ScannerBridge.Discovery discovery = scanners.discover();
        Map<String, String> failed = new LinkedHashMap<>();
        discovery.failedDrivers().forEach((driver, error) -> failed.put(driver, error.name()));
        ListResult result = new ListResult(discovery.devices().stream()
                .map(device -> new Device(device.id(), device.displayName(), device.driver())).toList(), failed);
        json.print(stdout, result, () -> {
            for (ScannerDevice device : discovery.devices()) {
                stdout.printf("%-45s %s%n", device.id(), device.displayName());
            }
            discovery.failedDrivers().forEach((driver, error) ->
                    stdout.printf("(%s: %s)%n", driver, error.message(Cli.access(spec).locale())));
        });
        return 0;
    }

    private int scan(Scanners scanners, ScanSettings settings, PrintWriter stdout, PrintWriter stderr)
            throws Exception {
        ScannerDevice device;
        try {
            device = scanners.device(deviceId);
        } catch (ScanException e) {
            stderr.println(e.error().message(Cli.access(spec).locale()) + " (" + deviceId + ")");
            return 3;
        }
        PageFileWriter files = new PageFileWriter(out);
        ScanResult result = scanners.scan(device, settings, page -> {
            files.pageScanned(page);
            if (!json.enabled()) {
                stdout.printf("page %d%n", page.pageNumber());
                stdout.flush();
            }
        }).await(Duration.ofHours(1));
        List<Page> pages = files.written().stream()
                .map(page -> new Page(page.file().toAbsolutePath().toString(), page.pageNumber(), page.sheetNumber(),
                        page.side().name().toLowerCase(Locale.ROOT), page.dpi()))
                .toList();
        json.print(stdout, new Result(device.id(), result.state().name(),
                        result.error() == null ? null : result.error().name(), pages),
                () -> stdout.printf("%d pages in %s%n", result.pages(), out.toAbsolutePath()));
        if (result.isCompleted()) {
            return 0;
        }
        stderr.println(result.error().message(Cli.access(spec).locale()));
        return result.error() == ScanError.OFFLINE || result.error() == ScanError.DEVICE_NOT_FOUND ? 3 : 1;
    }
}
