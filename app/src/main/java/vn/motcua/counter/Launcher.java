package vn.motcua.counter;

import java.nio.file.Path;
import javafx.application.Application;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.cli.MotcuaCommand;
import vn.motcua.counter.ui.CounterApplication;

/**
 * The one entry point: no arguments opens the counter window, arguments run the command line. It is not the
 * JavaFX Application class itself, so JavaFX can start from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Path logs = Settings.load().dataDirectory().resolve("logs");
        System.setProperty("motcua.log.dir", logs.toString());
        if (args.length == 0) {
            Application.launch(CounterApplication.class);
        } else {
            System.exit(MotcuaCommand.execute(args));
        }
    }
}
