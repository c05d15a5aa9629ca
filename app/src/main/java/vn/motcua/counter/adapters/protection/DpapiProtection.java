package vn.motcua.counter.adapters.protection;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Windows: the data key sealed by DPAPI ({@code CryptProtectData} / {@code CryptUnprotectData} in crypt32.dll,
 * called through the JDK's foreign function API), bound to the Windows account the counter runs under, with the
 * keyring id as extra entropy. A copied data folder opened under another account or on another PC does not open.
 * Not run on the Linux build machines: {@link #unavailable()} says so there.
 */
public final class DpapiProtection implements KeyProtection {

    private static final int CRYPTPROTECT_UI_FORBIDDEN = 0x1;
    /** {@code DATA_BLOB { DWORD cbData; BYTE *pbData; }} on 64-bit Windows. */
    static final StructLayout DATA_BLOB = MemoryLayout.structLayout(JAVA_INT.withName("cbData"),
            MemoryLayout.paddingLayout(4), ADDRESS.withName("pbData"));
    private static final FunctionDescriptor PROTECT = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
            ADDRESS, ADDRESS, JAVA_INT, ADDRESS);

    @Override
    public String kind() {
        return "dpapi";
    }

    @Override
    public Optional<String> unavailable() {
        return isWindows() ? Optional.empty() : Optional.of("DPAPI exists on Windows only");
    }

    @Override
    public byte[] wrap(byte[] dataKey, String keyringId) throws ProtectionException {
        return call("CryptProtectData", dataKey, keyringId);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String keyringId) throws ProtectionException {
        return call("CryptUnprotectData", wrapped, keyringId);
    }

    private static byte[] call(String function, byte[] input, String keyringId) throws ProtectionException {
        if (!isWindows()) {
            throw new ProtectionException("DPAPI exists on Windows only");
        }
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            SymbolLookup crypt32 = SymbolLookup.libraryLookup("crypt32", arena);
            SymbolLookup kernel32 = SymbolLookup.libraryLookup("kernel32", arena);
            MethodHandle protect = linker.downcallHandle(crypt32.find(function).orElseThrow(), PROTECT);
            MethodHandle localFree = linker.downcallHandle(kernel32.find("LocalFree").orElseThrow(),
                    FunctionDescriptor.of(ADDRESS, ADDRESS));
            MemorySegment in = blob(arena, input);
            MemorySegment entropy = blob(arena, ("motcua-" + keyringId).getBytes(StandardCharsets.UTF_8));
            MemorySegment out = arena.allocate(DATA_BLOB);
            int ok = (int) protect.invokeExact(in, MemorySegment.NULL, entropy, MemorySegment.NULL,
                    MemorySegment.NULL, CRYPTPROTECT_UI_FORBIDDEN, out);
            if (ok == 0) {
                throw new ProtectionException(function + " refused (another Windows account or PC?)");
            }
            int size = out.get(JAVA_INT, 0);
            MemorySegment data = out.get(ADDRESS, 8).reinterpret(size);
            byte[] result = data.toArray(JAVA_BYTE);
            data.fill((byte) 0);
            MemorySegment ignored = (MemorySegment) localFree.invokeExact(data);
            return result;
        } catch (ProtectionException e) {
            throw e;
        } catch (Throwable e) {
            throw new ProtectionException(function + " could not be called", e);
        }
    }

    static MemorySegment blob(Arena arena, byte[] bytes) {
        MemorySegment data = arena.allocate(Math.max(1, bytes.length));
        MemorySegment.copy(bytes, 0, data, JAVA_BYTE, 0, bytes.length);
        MemorySegment blob = arena.allocate(DATA_BLOB);
        blob.set(JAVA_INT, 0, bytes.length);
        blob.set(ADDRESS, 8, data);
        return blob;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
