package vn.motcua.counter.capture.ocr;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.LoadLibs;

/**
 * Loads libtesseract once, after pinning OpenMP to one thread (we parallelise across pages; OpenMP threads on a
 * busy two-core counter PC made a page take up to two minutes). Also maps what Tess4J maps wrongly: Tesseract 5's
 * ETEXT_DESC has a progress_callback field that Tess4J's struct lacks, so cancel and progress use our own layout.
 */
final class NativeTesseract {

    /** Tesseract 5 {@code ETEXT_DESC}; zeroed padding stands in for the trailing text buffer. */
    @Structure.FieldOrder({"count", "progress", "moreToCome", "ocrAlive", "errCode", "cancel", "progressCallback",
            "cancelThis", "endTimeSeconds", "endTimeMicros", "text"})
    public static final class Monitor extends Structure {
        public short count;
        public short progress;
        public byte moreToCome;
        public byte ocrAlive;
        public byte errCode;
        public CancelFunc cancel;
        public Pointer progressCallback;
        public Pointer cancelThis;
        public NativeLong endTimeSeconds = new NativeLong(0);
        public NativeLong endTimeMicros = new NativeLong(0);
        public byte[] text = new byte[64];
    }

    /** {@code bool (*CANCEL_FUNC)(void* cancel_this, int words)}: true stops recognition. */
    public interface CancelFunc extends Callback {
        boolean invoke(Pointer cancelThis, int words);
    }

    interface MonitorApi extends Library {
        int TessBaseAPIRecognize(ITessAPI.TessBaseAPI handle, Monitor monitor);
    }

    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        int setpriority(int which, int who, int prio);

        long syscall(long number);
    }

    private static volatile TessAPI api;
    private static volatile MonitorApi monitorApi;
    private static LibC libc;

    private NativeTesseract() {
    }

    static synchronized TessAPI api() {
        if (api == null) {
            if (Platform.isLinux() || Platform.isMac()) {
                libc = Native.load("c", LibC.class);
                // read by libgomp when libtesseract loads, so it has to be set before that
                libc.setenv("OMP_THREAD_LIMIT", "1", 1);
            }
            api = TessAPI.INSTANCE;
            monitorApi = Native.load(LoadLibs.getTesseractLibName(), MonitorApi.class);
        }
        return api;
    }

    static MonitorApi monitorApi() {
        api();
        return monitorApi;
    }

    /**
     * Lowers the calling thread below the UI: Java thread priorities do nothing on Linux, but setpriority on a
     * thread id renices just that thread. Best effort; returns whether it worked.
     */
    static boolean niceCurrentThread(int nice) {
        api();
        if (libc == null || !Platform.isLinux() || !Platform.is64Bit() || !Platform.isIntel()) {
            return false;
        }
        long tid = libc.syscall(186); // SYS_gettid on x86-64
        return libc.setpriority(0, (int) tid, nice) == 0;
    }
}
