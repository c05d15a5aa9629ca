package vn.motcua.sync.hub.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.motcua.sync.hub.Hub;
import vn.motcua.sync.hub.export.Exports;
import vn.motcua.sync.hub.service.Packages;
import vn.motcua.sync.hub.service.Processing;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.PackageException;
import vn.motcua.sync.wire.Receipt;

/** Commands about dossiers: show one, run the portal export, import a USB package. */
final class DossierCommands {
    private DossierCommands() {
    }

    @Command(name = "show", description = "The dossier as the hub holds it, with its files' SHA-256 and its history.")
    static final class Show implements Callable<Integer> {
        @Mixin
        HubOptions options;
        @Parameters(paramLabel = "CODE")
        String code;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Hub hub = options.open()) {
                PrintWriter out = spec.commandLine().getOut();
                var view = hub.processing().view(code, hub.changes());
                if (view.isEmpty()) {
                    spec.commandLine().getErr().println("motcua-hub: no dossier " + code);
                    return 1;
                }
                Processing.DossierView v = view.get();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("code", v.row().code());
                json.put("counter", v.row().counterName());
                json.put("status", v.row().status().code());
                json.put("revisions", v.revisions());
                json.put("manifest", v.manifest());
                json.put("hubChanges", v.hubHistory());
                options.print(out, json, () -> {
                    out.printf("%s  status %d %s  counter %s  revision %d%n", v.row().code(), v.row().status().code(),
                            v.row().status().label(), v.row().counterName(), v.row().latestRevision());
                    out.printf("procedure %s %s%n", v.manifest().procedure().code(), v.manifest().procedure().name());
                    List<FileRef> files = new java.util.ArrayList<>(v.manifest().files());
                    files.addAll(v.results());
                    for (FileRef f : files) {
                        out.printf("  %s %10d %-15s %s%n", f.sha256(), f.size(), f.kind(), f.name());
                    }
                    v.revisions().forEach(r -> out.printf("revision %d accepted %s via %s%n", r.revision(), r.acceptedAt(), r.via()));
                    v.hubHistory().forEach(c -> out.printf("hub %s %s → %d by %s%s%n", c.at(), c.kind(), c.status(), c.by(),
                            c.reason() == null ? "" : ": " + c.reason()));
                });
                return 0;
            }
        }
    }

    @Command(name = "export", description = "Send the portal exports that are due now, and show the queue.")
    static final class Export implements Callable<Integer> {
        @Mixin
        HubOptions options;
        @Option(names = "--all", description = "Also retry the exports that failed for good.")
        boolean all;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Hub hub = options.open()) {
                if (all) {
                    hub.exports().recent(10_000).stream().filter(e -> e.state() != Exports.State.SENT).forEach(e -> hub.exports().retry(e.id()));
                }
                Exports.Pass pass = hub.exports().runDue(hub.connector(), 10_000);
                Map<Exports.State, Long> counts = hub.exports().counts();
                PrintWriter out = spec.commandLine().getOut();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("connector", hub.connector().describe());
                json.put("sent", pass.sent());
                json.put("failed", pass.failed());
                json.put("queue", counts);
                json.put("tried", pass.tried());
                options.print(out, json, () -> {
                    out.printf("sent %d, failed %d via %s%n", pass.sent(), pass.failed(), hub.connector().describe());
                    pass.tried().stream().filter(e -> e.state() != Exports.State.SENT).forEach(e ->
                            out.printf("  #%d %s %s attempt %d: %s%n", e.id(), e.service(), e.code(), e.attempts(), e.lastError()));
                    out.printf("queue: %d pending, %d failed, %d sent%n", counts.get(Exports.State.PENDING),
                            counts.get(Exports.State.FAILED), counts.get(Exports.State.SENT));
                });
                return pass.failed() == 0 ? 0 : 1;
            }
        }
    }

    @Command(name = "import", description = "Import a counter's USB package (.mcpkg) and write its signed receipt (.mcrcpt).")
    static final class Import implements Callable<Integer> {
        @Mixin
        HubOptions options;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--receipt", paramLabel = "FILE", description = "Where to write the receipt (default: beside the package).")
        Path receiptFile;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path target = receiptFile != null ? receiptFile
                    : file.resolveSibling(file.getFileName().toString().replaceFirst("\\.mcpkg$", "") + Receipt.EXTENSION);
            try (Hub hub = options.open(); InputStream in = Files.newInputStream(file)) {
                Packages.Imported imported = hub.packages().importPackage(in, "cli:" + System.getProperty("user.name"));
                Files.write(target, imported.file());
                PrintWriter out = spec.commandLine().getOut();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("receiptFile", target.toString());
                json.put("again", imported.again());
                json.put("receipt", imported.receipt());
                options.print(out, json, () -> {
                    imported.receipt().entries().forEach(e -> out.printf("%s r%d %s%n", e.code(), e.revision(), e.outcome()));
                    out.println("receipt written to " + target + (imported.again() ? " (package imported before: first receipt)" : ""));
                });
                return 0;
            } catch (PackageException e) {
                spec.commandLine().getErr().println("motcua-hub: package refused (" + e.code() + "): " + e.getMessage());
                return 1;
            }
        }
    }
}
