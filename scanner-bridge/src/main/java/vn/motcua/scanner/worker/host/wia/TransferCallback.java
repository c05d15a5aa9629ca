package vn.motcua.scanner.worker.host.wia;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The worker's own COM object implementing IWiaTransferCallback, handed to {@code IWiaTransfer::Download}: a
 * pointer to a vtable of FFM upcall stubs (QueryInterface, AddRef, Release, TransferCallback, GetNextStream).
 * {@code GetNextStream} creates one memory stream per page and keeps a reference of its own; when the driver ends
 * that stream (WIA_TRANSFER_MSG_END_OF_STREAM) the page is read out and handed on at once, so pages already
 * scanned survive a later jam. The first failed {@code hrErrorStatus} is kept; a device status error or the
 * client's CANCEL makes the next callback answer S_FALSE, which asks the driver to stop. Nothing may be thrown
 * out of an upcall (it would end the JVM): every failure is kept and reported after Download returns.
 *
 * <p>The object lives as long as the backend (a driver may Release it late); its reference count is kept only to
 * answer AddRef/Release as COM requires.
 */
final class TransferCallback {

    /** Where finished pages go (the bridge answer); an IOException stops the transfer. */
    @FunctionalInterface
    interface Pages {
        void page(byte[] image) throws IOException;
    }

    /** WiaTransferParams (wia_lh.h): LONG lMessage, LONG lPercentComplete, ULONG64 ulTransferredBytes, HRESULT. */
    static final long PARAMS_BYTES = 24;
    private static final long MESSAGE = 0;
    private static final long ERROR_STATUS = 16;
    private static final long MAX_PAGE_BYTES = 512L << 20;
    private static final int READ_CHUNK = 1 << 20;

    private final ComLibrary com;
    private final MemorySegment object;
    private final MemorySegment iidCallback;
    private final MemorySegment iidUnknown;
    private int references = 1;
    private Pages pages;
    private MemorySegment stream = MemorySegment.NULL;
    private int deviceError;
    private IOException sendFailure;
    private Throwable failure;
    private volatile boolean cancelled;

    TransferCallback(ComLibrary com, Arena arena) {
        this.com = com;
        iidCallback = Com.guid(arena, Wia.IID_IWIA_TRANSFER_CALLBACK);
        iidUnknown = Com.guid(arena, Wia.IID_IUNKNOWN);
        Linker linker = Linker.nativeLinker();
        FunctionDescriptor[] descriptors = {
            Com.method(ADDRESS, ADDRESS),
            Com.method(),
            Com.method(),
            Com.method(JAVA_INT, ADDRESS),
            Com.method(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)};
        String[] names = {"queryInterface", "addRef", "release", "transferCallback", "getNextStream"};
        MemorySegment vtable = arena.allocate(ADDRESS, descriptors.length);
        try {
            for (int slot = 0; slot < descriptors.length; slot++) {
                MethodType type = descriptors[slot].toMethodType();
                vtable.setAtIndex(ADDRESS, slot, linker.upcallStub(MethodHandles.lookup()
                        .findVirtual(TransferCallback.class, names[slot], type)
                        .bindTo(this), descriptors[slot], arena));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("callback method missing", e);
        }
        object = arena.allocate(ADDRESS);
        object.set(ADDRESS, 0, vtable);
    }

    /** The IWiaTransferCallback pointer. */
    MemorySegment pointer() {
        return object;
    }

    /** The client's CANCEL: the next callback answers S_FALSE. */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Runs {@code IWiaTransfer::Download(0, this)}; the HRESULT. Pages go to {@code sink} as they end. */
    int download(MemorySegment transfer, Pages sink) {
        pages = sink;
        deviceError = 0;
        sendFailure = null;
        failure = null;
        try {
            return Com.call(transfer, Wia.TRANSFER_DOWNLOAD, Com.method(JAVA_INT, ADDRESS), 0, object);
        } finally {
            releaseStream();
            pages = null;
        }
    }

    /** Clears the cancel flag for the next SCAN. */
    void reset() {
        cancelled = false;
    }

    /** The first failed hrErrorStatus the driver reported, 0 if none. */
    int deviceError() {
        return deviceError;
    }

    /** What went wrong on the worker's side during the last Download, rethrown here. */
    void rethrowFailure() throws IOException {
        if (sendFailure != null) {
            throw sendFailure;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    @SuppressWarnings("unused")
    private int queryInterface(MemorySegment self, MemorySegment iid, MemorySegment out) {
        try {
            MemorySegment result = out.reinterpret(ADDRESS.byteSize());
            if (Com.sameGuid(iid, iidCallback) || Com.sameGuid(iid, iidUnknown)) {
                result.set(ADDRESS, 0, object);
                references++;
                return Com.S_OK;
            }
            result.set(ADDRESS, 0, MemorySegment.NULL);
            return Com.E_NOINTERFACE;
        } catch (RuntimeException | Error e) {
            return keep(e, Com.E_POINTER);
        }
    }

    @SuppressWarnings("unused")
    private int addRef(MemorySegment self) {
        return ++references;
    }

    @SuppressWarnings("unused")
    private int release(MemorySegment self) {
        return references > 0 ? --references : 0;
    }

    @SuppressWarnings("unused")
    private int getNextStream(MemorySegment self, int flags, MemorySegment itemName, MemorySegment fullItemName,
                              MemorySegment out) {
        try {
            MemorySegment destination = out.reinterpret(ADDRESS.byteSize());
            destination.set(ADDRESS, 0, MemorySegment.NULL);
            if (cancelled) {
                return Com.S_FALSE;
            }
            // A stream the driver never ended is an unfinished page: dropped.
            releaseStream();
            try (Arena call = Arena.ofConfined()) {
                MemorySegment created = call.allocate(ADDRESS);
                int hresult = com.createStream(created);
                if (Com.failed(hresult)) {
                    return hresult;
                }
                stream = created.get(ADDRESS, 0);
            }
            // One reference for the driver (an out parameter), ours stays until the page is read.
            Com.addRef(stream);
            destination.set(ADDRESS, 0, stream);
            return Com.S_OK;
        } catch (RuntimeException | Error e) {
            return keep(e, Com.E_FAIL);
        }
    }

    @SuppressWarnings("unused")
    private int transferCallback(MemorySegment self, int flags, MemorySegment parameters) {
        try {
            MemorySegment params = parameters.reinterpret(PARAMS_BYTES);
            int message = params.get(JAVA_INT, MESSAGE);
            int status = params.get(JAVA_INT, ERROR_STATUS);
            if (Com.failed(status) && deviceError == 0) {
                deviceError = status;
            }
            if (message == Wia.WIA_TRANSFER_MSG_END_OF_STREAM) {
                if (!Com.failed(status) && !stream.equals(MemorySegment.NULL)) {
                    byte[] image = readAll(stream);
                    releaseStream();
                    pages.page(image);
                } else {
                    releaseStream();
                }
            }
            // No one at the worker can clear a jam or close a cover: a failed device status ends the transfer.
            boolean stop = cancelled || message == Wia.WIA_TRANSFER_MSG_DEVICE_STATUS && Com.failed(status);
            return stop ? Com.S_FALSE : Com.S_OK;
        } catch (IOException e) {
            sendFailure = e;
            return Com.S_FALSE;
        } catch (RuntimeException | Error e) {
            return keep(e, Com.S_FALSE);
        }
    }

    private int keep(Throwable e, int hresult) {
        if (failure == null) {
            failure = e;
        }
        return hresult;
    }

    private void releaseStream() {
        MemorySegment held = stream;
        stream = MemorySegment.NULL;
        Com.release(held);
    }

    /** The whole stream: its size from Seek(0, END), then Read from the start. */
    private static byte[] readAll(MemorySegment stream) {
        FunctionDescriptor seek = Com.method(JAVA_LONG, JAVA_INT, ADDRESS);
        FunctionDescriptor read = Com.method(ADDRESS, JAVA_INT, ADDRESS);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment position = arena.allocate(JAVA_LONG);
            checked(Com.call(stream, Wia.STREAM_SEEK, seek, 0L, Wia.STREAM_SEEK_END, position), "IStream::Seek");
            long size = position.get(JAVA_LONG, 0);
            if (size < 0 || size > MAX_PAGE_BYTES) {
                throw new IllegalStateException("page stream of " + size + " bytes");
            }
            checked(Com.call(stream, Wia.STREAM_SEEK, seek, 0L, Wia.STREAM_SEEK_SET, MemorySegment.NULL),
                    "IStream::Seek");
            MemorySegment buffer = arena.allocate(Math.max(size, 1));
            MemorySegment count = arena.allocate(JAVA_INT);
            long filled = 0;
            while (filled < size) {
                int chunk = (int) Math.min(READ_CHUNK, size - filled);
                checked(Com.call(stream, Wia.STREAM_READ, read, buffer.asSlice(filled), chunk, count), "IStream::Read");
                int got = count.get(JAVA_INT, 0);
                if (got <= 0) {
                    break;
                }
                filled += got;
            }
            return buffer.asSlice(0, filled).toArray(JAVA_BYTE);
        }
    }

    private static void checked(int hresult, String call) {
        if (Com.failed(hresult)) {
            throw new IllegalStateException(Wia.hresultName(hresult) + " in " + call);
        }
    }
}
