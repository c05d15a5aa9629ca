package vn.motcua.scanner.worker.host.twain;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link DsmEntry} on 64-bit Windows with the Java FFM API: TWAINDSM.dll's {@code DSM_Entry}, the DSM memory
 * functions from DAT_ENTRYPOINT, kernel32's Global* functions for native transfer DIBs, and a message-only window
 * (user32) as the parent whose thread pumps messages while the worker waits for the source. The callback is an
 * upcall stub that only queues the message: a source must not be called back from inside its own call.
 *
 * <p>Must be loaded and used on one thread (the window belongs to it). Needs
 * {@code --enable-native-access=ALL-UNNAMED} on the worker's java command line. NOT RUN on Windows yet: see
 * scanner-bridge/README.md, "What is not proven".
 */
public final class WindowsDsm implements DsmEntry {

    private static final Linker LINKER = Linker.nativeLinker();
    /** TW_UINT16 DSM_Entry(pTW_IDENTITY, pTW_IDENTITY, TW_UINT32, TW_UINT16, TW_UINT16, TW_MEMREF); also the
     * TWAINCALLBACKPROC signature. x64 Windows has one calling convention, so PASCAL changes nothing. */
    private static final FunctionDescriptor ENTRY = FunctionDescriptor.of(JAVA_SHORT, ADDRESS, ADDRESS, JAVA_INT,
            JAVA_SHORT, JAVA_SHORT, ADDRESS);
    private static final int GHND = 0x0042;
    private static final int PM_REMOVE = 0x0001;
    private static final long HWND_MESSAGE = -3;
    private static final long WINDOWS_MSG_BYTES = 48;

    private final Arena arena = Arena.global();
    private final MethodHandle dsmEntry;
    private final MethodHandle globalAlloc;
    private final MethodHandle globalLock;
    private final MethodHandle globalUnlock;
    private final MethodHandle globalFree;
    private final MethodHandle globalSize;
    private final MethodHandle peekMessage;
    private final MethodHandle translateMessage;
    private final MethodHandle dispatchMessage;
    private final MemorySegment window;
    private final MemorySegment callback;
    private final BlockingQueue<Integer> sourceMessages = new LinkedBlockingQueue<>();
    private final HandleMemory images;
    private HandleMemory containers;

    private WindowsDsm() throws ReflectiveOperationException {
        SymbolLookup twain = SymbolLookup.libraryLookup("TWAINDSM.dll", arena);
        SymbolLookup kernel32 = SymbolLookup.libraryLookup("kernel32.dll", arena);
        SymbolLookup user32 = SymbolLookup.libraryLookup("user32.dll", arena);
        dsmEntry = LINKER.downcallHandle(twain.findOrThrow("DSM_Entry"), ENTRY);
        globalAlloc = LINKER.downcallHandle(kernel32.findOrThrow("GlobalAlloc"),
                FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_LONG));
        globalLock = LINKER.downcallHandle(kernel32.findOrThrow("GlobalLock"), FunctionDescriptor.of(ADDRESS, ADDRESS));
        globalUnlock = LINKER.downcallHandle(kernel32.findOrThrow("GlobalUnlock"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
        globalFree = LINKER.downcallHandle(kernel32.findOrThrow("GlobalFree"), FunctionDescriptor.of(ADDRESS, ADDRESS));
        globalSize = LINKER.downcallHandle(kernel32.findOrThrow("GlobalSize"), FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        peekMessage = LINKER.downcallHandle(user32.findOrThrow("PeekMessageW"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        translateMessage = LINKER.downcallHandle(user32.findOrThrow("TranslateMessage"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
        dispatchMessage = LINKER.downcallHandle(user32.findOrThrow("DispatchMessageW"),
                FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        MethodHandle createWindow = LINKER.downcallHandle(user32.findOrThrow("CreateWindowExW"),
                FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                        JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        window = invokeAddress(createWindow, 0, wide("STATIC"), wide("motcua-twain"), 0, 0, 0, 0, 0,
                MemorySegment.ofAddress(HWND_MESSAGE), MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL);
        MethodHandle onMessage = MethodHandles.lookup().findVirtual(WindowsDsm.class, "onSourceMessage",
                MethodType.methodType(short.class, MemorySegment.class, MemorySegment.class, int.class, short.class,
                        short.class, MemorySegment.class)).bindTo(this);
        callback = LINKER.upcallStub(onMessage, ENTRY, arena);
        images = new NativeHandles(MethodHandles.insertArguments(globalAlloc, 0, GHND), globalLock, globalUnlock,
                globalFree);
        containers = images;
    }

    /** Loads TWAINDSM.dll (from the DLL search path: the TWAIN 2 DSM installs into System32). */
    public static WindowsDsm load() {
        try {
            return new WindowsDsm();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("callback method not found", e);
        }
    }

    /** The TWAINCALLBACKPROC: the source (through the DSM) tells of MSG_XFERREADY, MSG_CLOSEDSREQ, … */
    @SuppressWarnings("unused")
    private short onSourceMessage(MemorySegment origin, MemorySegment dest, int group, short dat, short msg,
                                  MemorySegment data) {
        sourceMessages.add(Short.toUnsignedInt(msg));
        return Twain.TWRC_SUCCESS;
    }

    @Override
    public int call(MemorySegment origin, MemorySegment dest, int group, int dat, int msg, MemorySegment data) {
        try {
            return Short.toUnsignedInt((short) dsmEntry.invokeExact(origin, dest, group, (short) dat, (short) msg,
                    data));
        } catch (Throwable e) {
            throw new IllegalStateException("DSM_Entry " + Twain.triplet(group, dat, msg), e);
        }
    }

    @Override
    public void useEntryPoints(MemorySegment entryPoint) {
        MethodHandle allocate = function(entryPoint, "DSM_MemAllocate", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        containers = new NativeHandles(
                MethodHandles.explicitCastArguments(allocate, MethodType.methodType(MemorySegment.class, long.class)),
                function(entryPoint, "DSM_MemLock", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                function(entryPoint, "DSM_MemUnlock", FunctionDescriptor.ofVoid(ADDRESS)),
                function(entryPoint, "DSM_MemFree", FunctionDescriptor.ofVoid(ADDRESS)));
    }

    private static MethodHandle function(MemorySegment entryPoint, String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(TwainStructs.pointer(entryPoint, TwainStructs.TW_ENTRYPOINT, name), descriptor);
    }

    @Override
    public HandleMemory containers() {
        return containers;
    }

    @Override
    public HandleMemory images() {
        return images;
    }

    @Override
    public MemorySegment parentWindow() {
        return window;
    }

    @Override
    public MemorySegment callbackProc() {
        return callback;
    }

    @Override
    public int awaitSourceMessage(MemorySegment app, MemorySegment source, boolean callbackRegistered,
                                  long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try (Arena wait = Arena.ofConfined()) {
            MemorySegment msg = wait.allocate(WINDOWS_MSG_BYTES, 8);
            MemorySegment event = wait.allocate(TwainStructs.TW_EVENT);
            while (true) {
                Integer queued = sourceMessages.poll();
                if (queued != null) {
                    return queued;
                }
                if ((int) peekMessage.invokeExact(msg, MemorySegment.NULL, 0, 0, PM_REMOVE) != 0) {
                    if (!callbackRegistered) {
                        TwainStructs.setPointer(event, TwainStructs.TW_EVENT, "pEvent", msg);
                        TwainStructs.setU16(event, TwainStructs.TW_EVENT, "TWMessage", Twain.MSG_NULL);
                        if (call(app, source, Twain.DG_CONTROL, Twain.DAT_EVENT, Twain.MSG_PROCESSEVENT, event)
                                == Twain.TWRC_DSEVENT) {
                            int twainMessage = TwainStructs.u16(event, TwainStructs.TW_EVENT, "TWMessage");
                            if (twainMessage != Twain.MSG_NULL) {
                                return twainMessage;
                            }
                            continue;
                        }
                    }
                    invoke(translateMessage, msg);
                    invoke(dispatchMessage, msg);
                } else if (System.nanoTime() >= deadline) {
                    return Twain.MSG_NULL;
                } else {
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Twain.MSG_NULL;
        } catch (Throwable e) {
            throw new IllegalStateException("message loop", e);
        }
    }

    private static MemorySegment wide(String text) {
        return Arena.global().allocateFrom(text + "\0", StandardCharsets.UTF_16LE);
    }

    private static Object invoke(MethodHandle handle, Object... arguments) {
        try {
            return handle.invokeWithArguments(arguments);
        } catch (Throwable e) {
            throw new IllegalStateException(handle.type() + " failed", e);
        }
    }

    private static MemorySegment invokeAddress(MethodHandle handle, Object... arguments) {
        return (MemorySegment) invoke(handle, arguments);
    }

    /**
     * Handle memory from four native functions; {@code allocate} takes the size as a long. A locked block is as
     * long as GlobalSize says: kernel32's own blocks, and the DSM's (TWAINDSM allocates with GlobalAlloc on
     * Windows).
     */
    private final class NativeHandles implements HandleMemory {
        private final MethodHandle allocate;
        private final MethodHandle lock;
        private final MethodHandle unlock;
        private final MethodHandle free;

        NativeHandles(MethodHandle allocate, MethodHandle lock, MethodHandle unlock, MethodHandle free) {
            this.allocate = allocate;
            this.lock = lock;
            this.unlock = unlock;
            this.free = free;
        }

        @Override
        public MemorySegment allocate(long bytes) {
            return invokeAddress(allocate, bytes);
        }

        @Override
        public MemorySegment lock(MemorySegment handle) {
            return sized(invokeAddress(lock, handle), handle);
        }

        @Override
        public void unlock(MemorySegment handle) {
            invoke(unlock, handle);
        }

        @Override
        public void free(MemorySegment handle) {
            invoke(free, handle);
        }
    }

    private MemorySegment sized(MemorySegment pointer, MemorySegment handle) {
        if (pointer.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("lock failed for handle " + handle);
        }
        try {
            return pointer.reinterpret((long) globalSize.invokeExact(handle));
        } catch (Throwable e) {
            throw new IllegalStateException("GlobalSize", e);
        }
    }
}
