package vn.motcua.scanner.worker.host.twain;

import static vn.motcua.scanner.worker.host.twain.Twain.DAT_CALLBACK2;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_CAPABILITY;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_ENTRYPOINT;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_IDENTITY;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_IMAGEINFO;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_IMAGELAYOUT;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_IMAGENATIVEXFER;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_PARENT;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_PENDINGXFERS;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_STATUS;
import static vn.motcua.scanner.worker.host.twain.Twain.DAT_USERINTERFACE;
import static vn.motcua.scanner.worker.host.twain.Twain.DG_CONTROL;
import static vn.motcua.scanner.worker.host.twain.Twain.DG_IMAGE;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.PTR;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_CALLBACK2;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_CAPABILITY;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_ENTRYPOINT;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_IDENTITY;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_IMAGEINFO;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_IMAGELAYOUT;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_ONEVALUE;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_PENDINGXFERS;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_STATUS;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_USERINTERFACE;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.offset;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import vn.motcua.scanner.worker.BridgeMessage;
import vn.motcua.scanner.worker.host.WorkerBackend;

/**
 * The bridge protocol on a TWAIN 2 data source manager, through {@link DsmEntry}. States as the TWAIN
 * specification numbers them: 3 DSM open (LIST), 4 source open (CAPS, SET, LAYOUT), 5 enabled without UI,
 * 6 transfer ready after MSG_XFERREADY, 7 native transfer; back to 4 after each SCAN, to 1 on close. Each page
 * is sent as soon as its DIB is copied out (a jam later keeps it); failures report the source's condition code.
 * Every call happens on the thread that handles requests; {@link #cancel()} only raises a flag that the transfer
 * loop reads between pages (MSG_RESET then ends the pending transfers).
 */
public final class TwainBackend implements WorkerBackend {

    private static final long POLL_MILLIS = 250;
    private static final int MAX_PAGES_PER_SCAN = 100_000;
    private static final int MAX_SOURCES = 1_000;

    private final DsmEntry dsm;
    private final long transferReadyMillis;
    private final Arena session = Arena.ofConfined();
    private final MemorySegment app = session.allocate(TW_IDENTITY);
    private final MemorySegment parent = session.allocate(PTR);
    private final MemorySegment source = session.allocate(TW_IDENTITY);
    private Arena request;
    private boolean dsmOpen;
    private boolean sourceOpen;
    private boolean callbackRegistered;
    private boolean duplex;
    private volatile boolean cancelled;

    /** @param transferReadyMillis how long SCAN waits for MSG_XFERREADY (feeding, warming up) */
    public TwainBackend(DsmEntry dsm, long transferReadyMillis) {
        this.dsm = dsm;
        this.transferReadyMillis = transferReadyMillis;
        describeApplication();
    }

    /** A TWAIN 2 failure, already in the form the client reads. */
    private static final class Failure extends Exception {
        private final transient BridgeMessage answer;

        Failure(BridgeMessage answer) {
            super(answer.toString(), null, false, false);
            this.answer = answer;
        }
    }

    private void describeApplication() {
        TwainStructs.setU16(app, TW_IDENTITY, "ProtocolMajor", Twain.TWON_PROTOCOLMAJOR);
        TwainStructs.setU16(app, TW_IDENTITY, "ProtocolMinor", Twain.TWON_PROTOCOLMINOR);
        app.set(TwainStructs.SHORT, offset(TW_IDENTITY, "Version", "MajorNum"), (short) 1);
        app.set(TwainStructs.SHORT, offset(TW_IDENTITY, "Version", "Language"), (short) Twain.TWLG_VIETNAMESE);
        app.set(TwainStructs.SHORT, offset(TW_IDENTITY, "Version", "Country"), (short) Twain.TWCY_VIETNAM);
        TwainStructs.setString(app, offset(TW_IDENTITY, "Version", "Info"), TwainStructs.STR32_BYTES,
                "motcua scanner worker");
        TwainStructs.setU32(app, TW_IDENTITY, "SupportedGroups", DG_CONTROL | DG_IMAGE | Twain.DF_APP2);
        TwainStructs.setString(app, offset(TW_IDENTITY, "Manufacturer"), TwainStructs.STR32_BYTES, "Motcua");
        TwainStructs.setString(app, offset(TW_IDENTITY, "ProductFamily"), TwainStructs.STR32_BYTES,
                "Motcua Counter");
        TwainStructs.setString(app, offset(TW_IDENTITY, "ProductName"), TwainStructs.STR32_BYTES,
                "Motcua Scanner Bridge");
    }

    @Override
    public void handle(BridgeMessage message, Sender out) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            request = arena;
            switch (message.verb()) {
                case "LIST" -> list(out);
                case "CAPS" -> capabilities(message.require("id"), out);
                case "SET" -> {
                    set(message.require("name"), message.require("value"));
                    out.send(BridgeMessage.of("OK"));
                }
                case "LAYOUT" -> {
                    layout(message);
                    out.send(BridgeMessage.of("OK"));
                }
                case "SCAN" -> scan(message.require("id"), out);
                default -> out.send(workerError("DEVICE_ERROR", "unknown request " + message.verb()));
            }
        } catch (Failure failure) {
            out.send(failure.answer);
        } catch (IllegalArgumentException e) {
            out.send(workerError("DEVICE_ERROR", e.getMessage()));
        } finally {
            request = null;
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        try (Arena arena = Arena.ofConfined()) {
            request = arena;
            closeSource();
            if (dsmOpen) {
                call(null, DG_CONTROL, DAT_PARENT, Twain.MSG_CLOSEDSM, parent);
                dsmOpen = false;
            }
        } finally {
            request = null;
            session.close();
        }
    }

    private void list(Sender out) throws IOException, Failure {
        openDsm();
        MemorySegment identity = request.allocate(TW_IDENTITY);
        int rc = call(null, DG_CONTROL, DAT_IDENTITY, Twain.MSG_GETFIRST, identity);
        for (int n = 0; rc == Twain.TWRC_SUCCESS && n < MAX_SOURCES; n++) {
            String name = TwainStructs.productName(identity);
            out.send(BridgeMessage.of("DEVICE", "id", name, "name", name));
            rc = call(null, DG_CONTROL, DAT_IDENTITY, Twain.MSG_GETNEXT, identity);
        }
        if (rc == Twain.TWRC_FAILURE) {
            String cc = conditionCode(null);
            if (!cc.equals("TWCC_NODS")) {
                throw twainFailure(cc, DG_CONTROL, DAT_IDENTITY, Twain.MSG_GETNEXT, "");
            }
        }
        out.send(BridgeMessage.of("END"));
    }

    private void capabilities(String id, Sender out) throws IOException, Failure {
        openSource(id);
        try {
            // ICAP_PHYSICALWIDTH/HEIGHT come in the current units; the client reads inches.
            set("ICAP_UNITS", "TWUN_INCHES");
        } catch (Failure e) {
            System.err.println("worker: ICAP_UNITS not set to inches: " + e.getMessage());
        }
        for (String name : Twain.REPORTED_CAPABILITIES) {
            MemorySegment capability = request.allocate(TW_CAPABILITY);
            TwainStructs.setU16(capability, TW_CAPABILITY, "Cap", Twain.capability(name).orElseThrow().id());
            TwainStructs.setU16(capability, TW_CAPABILITY, "ConType", 0xffff);
            int rc = call(source, DG_CONTROL, DAT_CAPABILITY, Twain.MSG_GET, capability);
            if (rc != Twain.TWRC_SUCCESS) {
                System.err.println("worker: " + name + " not offered: " + conditionCode(source));
                continue;
            }
            MemorySegment handle = TwainStructs.pointer(capability, TW_CAPABILITY, "hContainer");
            BridgeMessage line;
            try {
                line = CapabilityContainers.toCapLine(name, TwainStructs.u16(capability, TW_CAPABILITY, "ConType"),
                        dsm.containers().lock(handle));
            } finally {
                dsm.containers().unlock(handle);
                dsm.containers().free(handle);
            }
            out.send(line);
        }
        out.send(BridgeMessage.of("END"));
    }

    private void set(String name, String value) throws Failure {
        requireSource();
        Twain.Capability capability = Twain.capability(name).orElseThrow(() -> new Failure(workerError(
                "UNSUPPORTED_SETTINGS", "capability not known to the worker: " + name)));
        double number = Twain.parseValue(value);
        DsmEntry.HandleMemory memory = dsm.containers();
        MemorySegment handle = memory.allocate(TW_ONEVALUE.byteSize());
        try {
            CapabilityContainers.writeOneValue(memory.lock(handle), capability.itemType(), number);
            memory.unlock(handle);
            MemorySegment set = request.allocate(TW_CAPABILITY);
            TwainStructs.setU16(set, TW_CAPABILITY, "Cap", capability.id());
            TwainStructs.setU16(set, TW_CAPABILITY, "ConType", Twain.TWON_ONEVALUE);
            TwainStructs.setPointer(set, TW_CAPABILITY, "hContainer", handle);
            int rc = call(source, DG_CONTROL, DAT_CAPABILITY, Twain.MSG_SET, set);
            if (rc == Twain.TWRC_FAILURE) {
                String cc = conditionCode(source);
                // Switching off what the source does not have (a flatbed's CAP_FEEDERENABLED) is what was asked.
                boolean absentAndOff = capability.itemType() == Twain.TWTY_BOOL && number == 0
                        && cc.equals("TWCC_CAPUNSUPPORTED");
                if (!absentAndOff) {
                    throw twainFailure(cc, DG_CONTROL, DAT_CAPABILITY, Twain.MSG_SET, name);
                }
            } else {
                succeed(rc, DG_CONTROL, DAT_CAPABILITY, Twain.MSG_SET, name);
            }
        } finally {
            memory.free(handle);
        }
        if (name.equals("CAP_DUPLEXENABLED")) {
            duplex = number != 0;
        }
    }

    private void layout(BridgeMessage message) throws Failure {
        requireSource();
        MemorySegment layout = request.allocate(TW_IMAGELAYOUT);
        for (String side : new String[] {"Left", "Top", "Right", "Bottom"}) {
            TwainStructs.setFix32(layout, offset(TW_IMAGELAYOUT, "Frame", side),
                    Double.parseDouble(message.require(side.toLowerCase(java.util.Locale.ROOT))));
        }
        for (String number : new String[] {"DocumentNumber", "PageNumber", "FrameNumber"}) {
            TwainStructs.setU32(layout, TW_IMAGELAYOUT, number, Integer.toUnsignedLong(Twain.TWON_DONTCARE32));
        }
        succeed(call(source, DG_IMAGE, DAT_IMAGELAYOUT, Twain.MSG_SET, layout), DG_IMAGE, DAT_IMAGELAYOUT,
                Twain.MSG_SET, "");
    }

    private void scan(String id, Sender out) throws IOException, Failure {
        openSource(id);
        MemorySegment ui = request.allocate(TW_USERINTERFACE);
        TwainStructs.setPointer(ui, TW_USERINTERFACE, "hParent", dsm.parentWindow());
        succeed(call(source, DG_CONTROL, DAT_USERINTERFACE, Twain.MSG_ENABLEDS, ui), DG_CONTROL,
                DAT_USERINTERFACE, Twain.MSG_ENABLEDS, "");
        try {
            if (awaitTransferReady(out)) {
                transfer(out);
            }
        } finally {
            call(source, DG_CONTROL, DAT_USERINTERFACE, Twain.MSG_DISABLEDS, ui);
            cancelled = false;
        }
    }

    /** State 5 → 6, or an answer on why not (cancelled, the source asked to close, nothing in time). */
    private boolean awaitTransferReady(Sender out) throws IOException {
        for (long waited = 0; waited < transferReadyMillis; waited += POLL_MILLIS) {
            if (cancelled) {
                out.send(workerError("CANCELLED", "before the first page"));
                return false;
            }
            int message = dsm.awaitSourceMessage(app, source, callbackRegistered, POLL_MILLIS);
            if (message == Twain.MSG_XFERREADY) {
                return true;
            }
            if (message == Twain.MSG_CLOSEDSREQ) {
                out.send(workerError("CANCELLED", "the source asked to close (MSG_CLOSEDSREQ)"));
                return false;
            }
        }
        out.send(workerError("DRIVER_HUNG", "no MSG_XFERREADY in " + transferReadyMillis + " ms"));
        return false;
    }

    /** States 6 and 7: one native transfer per image until the source has none pending. */
    private void transfer(Sender out) throws IOException, Failure {
        int delivered = 0;
        for (int transfer = 1; transfer <= MAX_PAGES_PER_SCAN; transfer++) {
            if (cancelled) {
                resetPendingTransfers();
                out.send(workerError("CANCELLED", "pages delivered: " + delivered));
                return;
            }
            int dpi = resolution();
            MemorySegment handleOut = request.allocate(PTR);
            int rc = call(source, DG_IMAGE, DAT_IMAGENATIVEXFER, Twain.MSG_GET, handleOut);
            if (rc == Twain.TWRC_FAILURE) {
                throw afterFailedTransfer(DG_IMAGE, DAT_IMAGENATIVEXFER, Twain.MSG_GET);
            }
            if (rc == Twain.TWRC_XFERDONE) {
                delivered++;
                out.send(page(delivered, dpi, copyImage(handleOut.get(TwainStructs.POINTER, 0))));
            }
            // TWRC_CANCEL: the source dropped this image; ending the transfer moves on to the next one.
            MemorySegment pending = request.allocate(TW_PENDINGXFERS);
            if (call(source, DG_CONTROL, DAT_PENDINGXFERS, Twain.MSG_ENDXFER, pending) != Twain.TWRC_SUCCESS) {
                throw afterFailedTransfer(DG_CONTROL, DAT_PENDINGXFERS, Twain.MSG_ENDXFER);
            }
            if (TwainStructs.u16(pending, TW_PENDINGXFERS, "Count") == 0) {
                out.send(BridgeMessage.of("DONE"));
                return;
            }
        }
        resetPendingTransfers();
        out.send(workerError("DEVICE_ERROR", "more than " + MAX_PAGES_PER_SCAN + " images in one scan"));
    }

    /** The condition code first (the next triplet would replace it), then back to state 5. */
    private Failure afterFailedTransfer(int group, int dat, int msg) {
        Failure failure = twainFailure(conditionCode(source), group, dat, msg, "");
        resetPendingTransfers();
        return failure;
    }

    private int resolution() {
        MemorySegment info = request.allocate(TW_IMAGEINFO);
        if (call(source, DG_IMAGE, DAT_IMAGEINFO, Twain.MSG_GET, info) != Twain.TWRC_SUCCESS) {
            return 0;
        }
        return (int) Math.round(TwainStructs.fix32(info, offset(TW_IMAGEINFO, "XResolution")));
    }

    /** The DIB out of the source's HGLOBAL, as BMP; the application owns and frees the handle. */
    private byte[] copyImage(MemorySegment handle) {
        DsmEntry.HandleMemory images = dsm.images();
        try {
            return DibBitmap.toBmp(images.lock(handle));
        } finally {
            images.unlock(handle);
            images.free(handle);
        }
    }

    private BridgeMessage page(int number, int dpi, byte[] bmp) {
        int sheet = duplex ? (number + 1) / 2 : number;
        boolean back = duplex && number % 2 == 0;
        BridgeMessage page = dpi > 0
                ? BridgeMessage.of("PAGE", "number", Integer.toString(number), "sheet", Integer.toString(sheet),
                        "side", back ? "back" : "front", "dpi", Integer.toString(dpi), "format", "bmp")
                : BridgeMessage.of("PAGE", "number", Integer.toString(number), "sheet", Integer.toString(sheet),
                        "side", back ? "back" : "front", "format", "bmp");
        return page.withPayload(bmp);
    }

    private void resetPendingTransfers() {
        call(source, DG_CONTROL, DAT_PENDINGXFERS, Twain.MSG_RESET, request.allocate(TW_PENDINGXFERS));
    }

    private void openDsm() throws Failure {
        if (dsmOpen) {
            return;
        }
        parent.set(TwainStructs.POINTER, 0, dsm.parentWindow());
        succeed(call(null, DG_CONTROL, DAT_PARENT, Twain.MSG_OPENDSM, parent), DG_CONTROL, DAT_PARENT,
                Twain.MSG_OPENDSM, "");
        dsmOpen = true;
        if ((TwainStructs.u32(app, TW_IDENTITY, "SupportedGroups") & Twain.DF_DSM2) != 0) {
            MemorySegment entryPoint = session.allocate(TW_ENTRYPOINT);
            TwainStructs.setU32(entryPoint, TW_ENTRYPOINT, "Size", TW_ENTRYPOINT.byteSize());
            succeed(call(null, DG_CONTROL, DAT_ENTRYPOINT, Twain.MSG_GET, entryPoint), DG_CONTROL, DAT_ENTRYPOINT,
                    Twain.MSG_GET, "");
            dsm.useEntryPoints(entryPoint);
        }
    }

    /** State 4 on the source named {@code id} (its product name), closing another one first. */
    private void openSource(String id) throws Failure {
        openDsm();
        if (sourceOpen && TwainStructs.productName(source).equals(id)) {
            return;
        }
        closeSource();
        MemorySegment identity = request.allocate(TW_IDENTITY);
        int rc = call(null, DG_CONTROL, DAT_IDENTITY, Twain.MSG_GETFIRST, identity);
        for (int n = 0; rc == Twain.TWRC_SUCCESS && !TwainStructs.productName(identity).equals(id); n++) {
            rc = n < MAX_SOURCES ? call(null, DG_CONTROL, DAT_IDENTITY, Twain.MSG_GETNEXT, identity)
                    : Twain.TWRC_ENDOFLIST;
        }
        if (rc != Twain.TWRC_SUCCESS) {
            throw new Failure(workerError("DEVICE_NOT_FOUND", "no TWAIN source named " + id));
        }
        MemorySegment.copy(identity, 0, source, 0, TW_IDENTITY.byteSize());
        succeed(call(null, DG_CONTROL, DAT_IDENTITY, Twain.MSG_OPENDS, source), DG_CONTROL, DAT_IDENTITY,
                Twain.MSG_OPENDS, id);
        sourceOpen = true;
        duplex = false;
        MemorySegment callback = request.allocate(TW_CALLBACK2);
        TwainStructs.setPointer(callback, TW_CALLBACK2, "CallBackProc", dsm.callbackProc());
        callbackRegistered = call(source, DG_CONTROL, DAT_CALLBACK2, Twain.MSG_REGISTER_CALLBACK, callback)
                == Twain.TWRC_SUCCESS;
    }

    private void closeSource() {
        if (sourceOpen) {
            call(null, DG_CONTROL, DAT_IDENTITY, Twain.MSG_CLOSEDS, source);
            sourceOpen = false;
        }
    }

    private void requireSource() throws Failure {
        if (!sourceOpen) {
            throw new Failure(workerError("DEVICE_ERROR", "no source open: CAPS or SCAN names it first"));
        }
    }

    private int call(MemorySegment dest, int group, int dat, int msg, MemorySegment data) {
        return dsm.call(app, dest == null ? MemorySegment.NULL : dest, group, dat, msg, data);
    }

    /** TWRC_CHECKSTATUS means the source took a nearby value instead; that is success for the client. */
    private void succeed(int rc, int group, int dat, int msg, String what) throws Failure {
        if (rc != Twain.TWRC_SUCCESS && rc != Twain.TWRC_CHECKSTATUS) {
            boolean toDsm = dat == DAT_PARENT || dat == DAT_ENTRYPOINT || dat == DAT_IDENTITY;
            throw twainFailure(conditionCode(toDsm ? null : source), group, dat, msg, what);
        }
    }

    /** DAT_STATUS right after the failed triplet (the next call would overwrite it). */
    private String conditionCode(MemorySegment dest) {
        MemorySegment status = request.allocate(TW_STATUS);
        if (call(dest, DG_CONTROL, DAT_STATUS, Twain.MSG_GET, status) != Twain.TWRC_SUCCESS) {
            return "TWCC_BUMMER";
        }
        return Twain.conditionCode(TwainStructs.u16(status, TW_STATUS, "ConditionCode"));
    }

    private static Failure twainFailure(String cc, int group, int dat, int msg, String what) {
        return new Failure(BridgeMessage.of("ERROR", "source", "twain", "cc", cc,
                "detail", (Twain.triplet(group, dat, msg) + " " + what).strip()));
    }

    private static BridgeMessage workerError(String code, String detail) {
        return BridgeMessage.of("ERROR", "source", "worker", "code", code, "detail", detail);
    }
}
