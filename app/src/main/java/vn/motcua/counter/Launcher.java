package vn.motcua.counter;

import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.cli.MotcuaCommand;
import vn.motcua.counter.ui.CounterApplication;

/**
 * The one entry point: no arguments opens the counter window, arguments run the command line. Both get the same
 * application from the composition root. It is not the JavaFX Application class itself, so JavaFX can start from
 * the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.load();
        System.setProperty("motcua.log.dir", settings.dataDirectory().resolve("logs").toString());
        CounterLauncher application = CounterLauncher.load();
        if (args.length == 0) {
            CounterApplication.launch(application);
        } else {
            System.exit(MotcuaCommand.execute(application, args));
        }
    }
}
