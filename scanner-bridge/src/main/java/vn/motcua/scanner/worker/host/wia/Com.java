package vn.motcua.scanner.worker.host.wia;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls on COM interface pointers through the FFM API: a COM object is a pointer to a pointer to its vtable, and
 * method n is the n-th function pointer there, called with the object itself as first argument (x64 has one
 * calling convention, so STDMETHODCALLTYPE changes nothing). Slot numbers are those of the vtable structs in the
 * Windows SDK headers (wia_lh.h, objidl.h); see decision 0403 for the sources.
 */
final class Com {

    static final int S_OK = 0;
    static final int S_FALSE = 1;
    static final int E_NOINTERFACE = 0x80004002;
    static final int E_POINTER = 0x80004003;
    static final int E_FAIL = 0x80004005;

    /** IUnknown, first in every vtable. */
    static final int QUERY_INTERFACE = 0;
    static final int ADD_REF = 1;
    static final int RELEASE = 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Map<FunctionDescriptor, MethodHandle> HANDLES = new ConcurrentHashMap<>();
    private static final FunctionDescriptor UNKNOWN_COUNT = method();

    private Com() {
    }

    /** An HRESULT method's descriptor: {@code this} first, then the given parameters. */
    static FunctionDescriptor method(MemoryLayout... parameters) {
        List<MemoryLayout> all = new ArrayList<>(List.of(ADDRESS));
        all.addAll(List.of(parameters));
        return FunctionDescriptor.of(JAVA_INT, all.toArray(MemoryLayout[]::new));
    }

    /** Calls vtable slot {@code slot} of {@code object}; {@code arguments} follow {@code this}. */
    static int call(MemorySegment object, int slot, FunctionDescriptor descriptor, Object... arguments) {
        if (object.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("COM call on a null interface pointer, slot " + slot);
        }
        MemorySegment vtable = object.reinterpret(ADDRESS.byteSize()).get(ADDRESS, 0)
                .reinterpret(ADDRESS.byteSize() * (slot + 1L));
        MemorySegment function = vtable.getAtIndex(ADDRESS, slot);
        Object[] all = new Object[arguments.length + 2];
        all[0] = function;
        all[1] = object;
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        try {
            return (int) HANDLES.computeIfAbsent(descriptor, LINKER::downcallHandle).invokeWithArguments(all);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("COM call slot " + slot, e);
        }
    }

    /** {@code IUnknown::QueryInterface}; the interface pointer, or a failure for {@code what}. */
    static MemorySegment queryInterface(MemorySegment object, MemorySegment iid, String what) throws HResultException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            HResultException.check(call(object, QUERY_INTERFACE, method(ADDRESS, ADDRESS), iid, out),
                    "QueryInterface(" + what + ")");
            return out.get(ADDRESS, 0);
        }
    }

    static int addRef(MemorySegment object) {
        return call(object, ADD_REF, UNKNOWN_COUNT);
    }

    /** {@code IUnknown::Release}; a null pointer (an interface never obtained) is left alone. */
    static void release(MemorySegment object) {
        if (object != null && !object.equals(MemorySegment.NULL)) {
            call(object, RELEASE, UNKNOWN_COUNT);
        }
    }

    /** A GUID written as the SDK lays it out: Data1 (4 bytes), Data2, Data3 (2 each, little-endian), Data4[8]. */
    static MemorySegment guid(Arena arena, String text) {
        String hex = text.replace("{", "").replace("}", "").replace("-", "");
        if (hex.length() != 32) {
            throw new IllegalArgumentException("not a GUID: " + text);
        }
        MemorySegment guid = arena.allocate(16, 4);
        guid.set(JAVA_INT, 0, (int) Long.parseLong(hex.substring(0, 8), 16));
        guid.set(JAVA_SHORT, 4, (short) Integer.parseInt(hex.substring(8, 12), 16));
        guid.set(JAVA_SHORT, 6, (short) Integer.parseInt(hex.substring(12, 16), 16));
        for (int i = 0; i < 8; i++) {
            guid.set(JAVA_BYTE, 8 + i, (byte) Integer.parseInt(hex.substring(16 + 2 * i, 18 + 2 * i), 16));
        }
        return guid;
    }

    /** Whether two GUIDs (16 bytes each) are equal. */
    static boolean sameGuid(MemorySegment a, MemorySegment b) {
        return a.reinterpret(16).mismatch(b.reinterpret(16)) == -1;
    }

    static boolean failed(int hresult) {
        return hresult < 0;
    }

    static String hex(int hresult) {
        return String.format("0x%08X", hresult);
    }
}
