package vn.motcua.scanner.worker.host.wia;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * {@link ComLibrary} on 64-bit Windows with the FFM API: ole32.dll (CoInitializeEx, CoCreateInstance,
 * CreateStreamOnHGlobal, PropVariantClear, CoUninitialize) and oleaut32.dll (SysAllocString, SysFreeString).
 * Must be used on the thread that called {@link #initialize()}. NOT RUN on Windows yet: see
 * scanner-bridge/README.md, "What is not proven".
 */
public final class WindowsCom implements ComLibrary {

    private static final int COINIT_APARTMENTTHREADED = 0x2;
    private static final int CLSCTX_LOCAL_SERVER = 0x4;

    private final MethodHandle coInitializeEx;
    private final MethodHandle coCreateInstance;
    private final MethodHandle createStreamOnHGlobal;
    private final MethodHandle propVariantClear;
    private final MethodHandle coUninitialize;
    private final MethodHandle sysAllocString;
    private final MethodHandle sysFreeString;

    private WindowsCom() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup ole32 = SymbolLookup.libraryLookup("ole32.dll", Arena.global());
        SymbolLookup oleaut32 = SymbolLookup.libraryLookup("oleaut32.dll", Arena.global());
        coInitializeEx = linker.downcallHandle(ole32.findOrThrow("CoInitializeEx"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        coCreateInstance = linker.downcallHandle(ole32.findOrThrow("CoCreateInstance"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        createStreamOnHGlobal = linker.downcallHandle(ole32.findOrThrow("CreateStreamOnHGlobal"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        propVariantClear = linker.downcallHandle(ole32.findOrThrow("PropVariantClear"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
        coUninitialize = linker.downcallHandle(ole32.findOrThrow("CoUninitialize"), FunctionDescriptor.ofVoid());
        sysAllocString = linker.downcallHandle(oleaut32.findOrThrow("SysAllocString"),
                FunctionDescriptor.of(ADDRESS, ADDRESS));
        sysFreeString = linker.downcallHandle(oleaut32.findOrThrow("SysFreeString"),
                FunctionDescriptor.ofVoid(ADDRESS));
    }

    /** Loads ole32.dll and oleaut32.dll; fails (IllegalArgumentException) where there are none. */
    public static WindowsCom load() {
        return new WindowsCom();
    }

    @Override
    public int initialize() {
        return call("CoInitializeEx", () -> (int) coInitializeEx.invokeExact(MemorySegment.NULL,
                COINIT_APARTMENTTHREADED));
    }

    @Override
    public int createInstance(MemorySegment clsid, MemorySegment iid, MemorySegment out) {
        return call("CoCreateInstance", () -> (int) coCreateInstance.invokeExact(clsid, MemorySegment.NULL,
                CLSCTX_LOCAL_SERVER, iid, out));
    }

    @Override
    public int createStream(MemorySegment out) {
        // fDeleteOnRelease: the HGLOBAL goes with the stream's last Release.
        return call("CreateStreamOnHGlobal", () -> (int) createStreamOnHGlobal.invokeExact(MemorySegment.NULL, 1,
                out));
    }

    @Override
    public MemorySegment allocString(String text) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment chars = arena.allocateFrom(text + "\0", StandardCharsets.UTF_16LE);
            MemorySegment bstr = call("SysAllocString", () -> (MemorySegment) sysAllocString.invokeExact(chars));
            if (bstr.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("SysAllocString: out of memory");
            }
            return bstr;
        }
    }

    @Override
    public void freeString(MemorySegment bstr) {
        call("SysFreeString", () -> {
            sysFreeString.invokeExact(bstr);
            return null;
        });
    }

    @Override
    public void clearVariant(MemorySegment propVariant) {
        call("PropVariantClear", () -> (int) propVariantClear.invokeExact(propVariant));
    }

    @Override
    public void uninitialize() {
        call("CoUninitialize", () -> {
            coUninitialize.invokeExact();
            return null;
        });
    }

    /** A downcall whose checked Throwable (there is none in practice) becomes unchecked, named. */
    @FunctionalInterface
    private interface Downcall<T> {
        T run() throws Throwable;
    }

    private static <T> T call(String function, Downcall<T> downcall) {
        try {
            return downcall.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(function + " failed", e);
        }
    }
}
