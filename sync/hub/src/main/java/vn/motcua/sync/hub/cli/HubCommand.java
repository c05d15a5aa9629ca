package vn.motcua.sync.hub.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.motcua.sync.hub.Hub;
import vn.motcua.sync.hub.HubConfig;
import vn.motcua.sync.hub.http.HubServer;
import vn.motcua.sync.hub.service.Refusal;

/** {@code ./motcua-hub}: the provincial hub's server and its IT commands. */
@Command(name = "motcua-hub", mixinStandardHelpOptions = true, version = "motcua-hub 0.1.0",
        description = "The provincial hub of Motcua Counter.",
        subcommands = {HubCommand.Serve.class, AdminCommands.Enrol.class, AdminCommands.Revoke.class,
                AdminCommands.CountersList.class, AdminCommands.StaffCommand.class, DossierCommands.Show.class,
                DossierCommands.Export.class, DossierCommands.Import.class})
public final class HubCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        HubServer.setRequestCarriers();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; a refusal prints its reason and exits 1 without a stack trace. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new HubCommand()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof Refusal r) {
                err.println("motcua-hub: " + r.getMessage());
                return 1;
            }
            err.println("motcua-hub: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Command(name = "serve", description = "Run the hub: the counters' API, the staff page, /health and /metrics.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        HubOptions options;

        @Option(names = "--port", description = "Port to listen on (default 8686, or MOTCUA_HUB_PORT).")
        Integer port;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            HubConfig config = options.config();
            if (port != null) {
                config = config.withPort(port);
            }
            Hub hub = new Hub(config);
            HubServer server;
            try {
                server = new HubServer(hub, config.port());
            } catch (RuntimeException e) {
                hub.close();
                throw e;
            }
            hub.startExporter();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                try {
                    hub.close();
                } catch (java.io.IOException ignored) {
                    // the process ends anyway
                }
                stopped.countDown();
            }, "hub-shutdown"));
            spec.commandLine().getOut().printf("motcua-hub: ready on http://127.0.0.1:%d/ (data %s)%n", server.port(), config.dataDir());
            spec.commandLine().getOut().flush();
            stopped.await();
            return 0;
        }
    }
}
