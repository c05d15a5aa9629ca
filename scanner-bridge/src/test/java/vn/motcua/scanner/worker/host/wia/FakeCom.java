package vn.motcua.scanner.worker.host.wia;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * COM objects made in test code: a pointer to a vtable of FFM upcall stubs, in the slot order of the Windows SDK
 * headers written out here independently of the worker (wia_lh.h for the WIA interfaces, objidl.h for IStream).
 * Each slot is {@code Name:params} with params I (LONG/ULONG), J (64-bit by value) and A (pointer) after
 * {@code this}; a slot without params is one the worker must not call (it fails the test if it does).
 */
final class FakeCom {

    /** What a fake method does; the arguments after {@code this}, boxed. Must not throw (see {@link #object}). */
    @FunctionalInterface
    interface Body {
        int call(String method, Object[] arguments) throws Throwable;
    }

    private static final String UNKNOWN = "QueryInterface:AA AddRef: Release: ";
    static final Map<String, String> VTABLES = Map.of(
            "IWiaDevMgr2", UNKNOWN + "EnumDeviceInfo:IA CreateDevice:IAA SelectDeviceDlg SelectDeviceDlgID "
                    + "RegisterEventCallbackInterface RegisterEventCallbackProgram RegisterEventCallbackCLSID "
                    + "GetImageDlg",
            "IEnumWIA_DEV_INFO", UNKNOWN + "Next:IAA Skip Reset Clone GetCount",
            "IEnumWiaItem2", UNKNOWN + "Next:IAA Skip Reset Clone GetCount",
            "IWiaPropertyStorage", UNKNOWN + "ReadMultiple:IAA WriteMultiple:IAAI DeleteMultiple ReadPropertyNames "
                    + "WritePropertyNames DeletePropertyNames Commit Revert Enum SetTimes SetClass Stat "
                    + "GetPropertyAttributes:IAAA GetCount GetPropertyStream SetPropertyStream",
            "IWiaItem2", UNKNOWN + "CreateChildItem DeleteItem EnumChildItems:AA FindItemByName GetItemCategory:A "
                    + "GetItemType DeviceDlg DeviceCommand EnumDeviceCapabilities CheckExtension GetExtension "
                    + "GetParentItem GetRootItem GetPreviewComponent EnumRegisterEventInfo Diagnostic",
            "IWiaTransfer", UNKNOWN + "Download:IA Upload Cancel EnumWIA_FORMAT_INFO",
            "IStream", UNKNOWN + "Read:AIA Write:AIA Seek:JIA SetSize CopyTo Commit Revert LockRegion UnlockRegion "
                    + "Stat Clone");
    /** The worker's IWiaTransferCallback, as the fake driver calls it: slot numbers from wia_lh.h. */
    static final int CALLBACK_TRANSFER_CALLBACK = 3;
    static final int CALLBACK_GET_NEXT_STREAM = 4;
    static final int STREAM_WRITE = 4;

    private static final MethodHandle INVOKE;

    static {
        try {
            INVOKE = MethodHandles.lookup().findVirtual(Body.class, "call",
                    MethodType.methodType(int.class, String.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FakeCom() {
    }

    /**
     * An object of {@code iface} whose every slot runs {@code body} with the method's name; a throw from the body
     * would end the JVM (it runs inside an upcall), so bodies must catch everything.
     */
    static MemorySegment object(Arena arena, String iface, Body body) {
        String[] slots = VTABLES.get(iface).split(" ");
        Body withoutThis = (method, all) -> body.call(method, java.util.Arrays.copyOfRange(all, 1, all.length));
        MemorySegment vtable = arena.allocate(ADDRESS, slots.length);
        for (int slot = 0; slot < slots.length; slot++) {
            String[] parts = slots[slot].split(":", -1);
            FunctionDescriptor descriptor = parts.length == 1 ? descriptor("") : descriptor(parts[1]);
            String name = parts.length == 1 ? "unexpected " + parts[0] : parts[0];
            MethodHandle target = MethodHandles.insertArguments(INVOKE.bindTo(withoutThis), 0, name)
                    .asCollector(Object[].class, descriptor.argumentLayouts().size())
                    .asType(descriptor.toMethodType());
            vtable.setAtIndex(ADDRESS, slot, Linker.nativeLinker().upcallStub(target, descriptor, arena));
        }
        MemorySegment object = arena.allocate(ADDRESS);
        object.set(ADDRESS, 0, vtable);
        return object;
    }

    private static FunctionDescriptor descriptor(String parameters) {
        List<MemoryLayout> layouts = new ArrayList<>(List.of(ADDRESS));
        for (char type : parameters.toCharArray()) {
            layouts.add(switch (type) {
                case 'I' -> JAVA_INT;
                case 'J' -> JAVA_LONG;
                case 'A' -> ADDRESS;
                default -> throw new IllegalArgumentException("parameter type " + type);
            });
        }
        return FunctionDescriptor.of(JAVA_INT, layouts.toArray(MemoryLayout[]::new));
    }

    /** A GUID's 16 bytes as guiddef.h lays them out, for comparing with what the worker passes. */
    static byte[] guid(String text) {
        String hex = text.replaceAll("[{}-]", "");
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.putInt((int) Long.parseLong(hex.substring(0, 8), 16));
        bytes.putShort((short) Integer.parseInt(hex.substring(8, 12), 16));
        bytes.putShort((short) Integer.parseInt(hex.substring(12, 16), 16));
        for (int i = 16; i < 32; i += 2) {
            bytes.put((byte) Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        return bytes.array();
    }
}
