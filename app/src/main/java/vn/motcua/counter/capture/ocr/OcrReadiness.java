package vn.motcua.counter.capture.ocr;

import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.tess4j.util.LoadLibs;

/** Whether OCR can run here: the Tesseract library loads and the language's model is in the model folder. */
public final class OcrReadiness {

    public enum State { READY, ENGINE_MISSING, MODEL_MISSING }

    /** @param model the model file looked for; @param detail why the engine did not load, for the log */
    public record Result(State state, Path model, String detail) {
    }

    private OcrReadiness() {
    }

    public static Result check(OcrSettings settings) {
        return check(settings, LoadLibs.getTesseractLibName());
    }

    static Result check(OcrSettings settings, String library) {
        Path model = settings.tessdata().resolve(settings.language() + ".traineddata");
        try {
            NativeLibrary.getInstance(library);
        } catch (UnsatisfiedLinkError e) {
            return new Result(State.ENGINE_MISSING, model, e.getMessage());
        }
        return Files.isRegularFile(model) ? new Result(State.READY, model, library)
                : new Result(State.MODEL_MISSING, model, "no " + model);
    }
}
