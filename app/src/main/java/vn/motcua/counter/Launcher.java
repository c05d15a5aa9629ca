package vn.motcua.counter;

import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.cli.MotcuaCommand;
import vn.motcua.counter.ui.CounterApplication;
import vn.motcua.counter.ui.StartupProbe;
import vn.motcua.counter.bootstrap.ProcessSetup;

/**
 * The one entry point: no arguments opens the counter window, arguments run the command line. Both get the same
 * application from the composition root. It is not the JavaFX Application class itself, so JavaFX can start from
 * the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            StartupProbe.mark("main");
        }
        Settings settings = Settings.load();
        java.nio.file.Path data;
        try {
            data = settings.dataDirectory();
        } catch (vn.motcua.counter.application.CounterException e) {   // data.dir that is no path: one clear line
            System.err.println(vn.motcua.counter.i18n.Messages.of(settings.locale()).describe(e));
            System.exit(2);
            return;
        }
        System.setProperty("motcua.log.dir", logDirectory(data).toString());
        // process-wide (temp files of ImageIO and sqlite-jdbc): once per process, not per opened counter, and only
        // when the call opens the counter or reads an image (`version` and help do neither: decision 0903)
        CounterLauncher application = new CounterLauncher(settings, CounterConfiguration.VIETNAM_TIME,
                () -> ProcessSetup.apply(data));
        if (args.length == 0) {
            CounterApplication.launch(application, data);
        } else {
            System.exit(MotcuaCommand.execute(application, args));
        }
    }

    /**
     * The log folder inside the data folder. When the data folder's path names a plain file, the log goes to the
     * system temp folder for this run (it holds no personal data), so the clerk gets the one message saying the path
     * is not a folder instead of logging's own complaints about a file it cannot create.
     */
    static java.nio.file.Path logDirectory(java.nio.file.Path data) {
        if (java.nio.file.Files.exists(data) && !java.nio.file.Files.isDirectory(data)) {
            return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "motcua-logs");
        }
        return data.resolve("logs");
    }
}
