package vn.motcua.counter.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.Notice;
import vn.motcua.counter.capture.ocr.OcrReadiness;

/** What the window says at start and {@code doctor} lists: OCR that cannot run, and how to install what is missing. */
final class StartupNotices {

    private static final Logger LOG = LoggerFactory.getLogger(StartupNotices.class);

    private StartupNotices() {
    }

    static List<Notice> of(CounterConfiguration configuration) {
        List<Notice> notices = new ArrayList<>();
        configuration.settings().problems().forEach(p -> notices.add(settingsProblem(p)));
        ocr(configuration).ifPresent(notices::add);
        return notices;
    }

    static Notice settingsProblem(Settings.Problem p) {
        return p.expected().isEmpty()
                ? Notice.of("settings.unknown_key", p.file().toString(), String.valueOf(p.line()), p.key())
                : Notice.of("settings.wrong_value", p.file().toString(), String.valueOf(p.line()), p.key(), p.value(),
                        p.expected());
    }

    static java.util.Optional<Notice> ocr(CounterConfiguration configuration) {
        OcrReadiness.Result ocr = OcrReadiness.check(configuration.ocrSettings());
        if (ocr.state() != OcrReadiness.State.READY) {
            LOG.warn("OCR unavailable: {} ({})", ocr.state(), ocr.detail());
        }
        return switch (ocr.state()) {
            case READY -> java.util.Optional.empty();
            case ENGINE_MISSING -> java.util.Optional.of(Notice.of("ocr.missing.engine",
                    installCommand("tesseract-ocr tesseract-ocr-vie")));
            case MODEL_MISSING -> java.util.Optional.of(Notice.of("ocr.missing.model", ocr.model(),
                    installCommand("tesseract-ocr-vie")));
        };
    }

    /** The one command that installs what is missing: Debian's packages, or on Windows the installer again. */
    static String installCommand(String debianPackages) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return windows ? "msiexec /fa MotcuaCounter.msi" : "sudo apt-get install " + debianPackages;
    }
}
