package vn.motcua.sync.hub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import vn.motcua.sync.hub.Hub;
import vn.motcua.sync.hub.HubConfig;
import vn.motcua.sync.wire.WireJson;

/** Options every command shares: the data folder (and so the settings) and {@code --json}. */
final class HubOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (settings, embedded database, files). Default: MOTCUA_HUB_DATA_DIR or ./hub-data")
    Path data;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    HubConfig config() {
        return HubConfig.load(data, System.getenv());
    }

    Hub open() throws IOException {
        return new Hub(config());
    }

    void print(PrintWriter out, Object value, Runnable text) {
        if (json) {
            out.println(new String(WireJson.write(value), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            text.run();
        }
        out.flush();
    }
}
