package vn.motcua.scanner.worker.host.twain;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The TWAIN structures the worker exchanges with the data source manager, laid out as twain.h lays them out on
 * Windows: {@code #pragma pack (2)}, so a 32-bit field or a pointer may start on any even offset (TW_CAPABILITY's
 * handle at 4, TW_IDENTITY's SupportedGroups at 50). Pointers take the running JVM's size (8 bytes on 64-bit
 * Windows, the only build this worker has). Strings are TW_STR32 ({@code char[34]}), NUL-terminated, in the
 * system's ANSI code page per the specification; the worker writes ASCII and reads what the source gives as
 * Windows-1252, the usual scanner driver code page.
 */
public final class TwainStructs {

    private TwainStructs() {
    }

    static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT;
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT.withByteAlignment(2);
    static final AddressLayout PTR = ValueLayout.ADDRESS.withByteAlignment(2);
    // Access without alignment checks: containers and DIBs may sit anywhere (a heap copy, an odd GlobalLock).
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    static final AddressLayout POINTER = ValueLayout.ADDRESS_UNALIGNED;

    public static final int STR32_BYTES = 34;

    public static final StructLayout TW_FIX32 = MemoryLayout.structLayout(
            U16.withName("Whole"), U16.withName("Frac"));

    public static final StructLayout TW_FRAME = MemoryLayout.structLayout(
            TW_FIX32.withName("Left"), TW_FIX32.withName("Top"), TW_FIX32.withName("Right"),
            TW_FIX32.withName("Bottom"));

    public static final StructLayout TW_VERSION = MemoryLayout.structLayout(
            U16.withName("MajorNum"), U16.withName("MinorNum"), U16.withName("Language"), U16.withName("Country"),
            str32("Info"));

    public static final StructLayout TW_IDENTITY = MemoryLayout.structLayout(
            U32.withName("Id"), TW_VERSION.withName("Version"), U16.withName("ProtocolMajor"),
            U16.withName("ProtocolMinor"), U32.withName("SupportedGroups"), str32("Manufacturer"),
            str32("ProductFamily"), str32("ProductName"));

    public static final StructLayout TW_CAPABILITY = MemoryLayout.structLayout(
            U16.withName("Cap"), U16.withName("ConType"), PTR.withName("hContainer"));

    public static final StructLayout TW_ONEVALUE = MemoryLayout.structLayout(
            U16.withName("ItemType"), U32.withName("Item"));

    /** {@code ItemList[1]} as in twain.h, so the size is C's sizeof (14 + 1, padded to 16). */
    public static final StructLayout TW_ENUMERATION = MemoryLayout.structLayout(
            U16.withName("ItemType"), U32.withName("NumItems"), U32.withName("CurrentIndex"),
            U32.withName("DefaultIndex"), ValueLayout.JAVA_BYTE.withName("ItemList"), MemoryLayout.paddingLayout(1));

    public static final StructLayout TW_RANGE = MemoryLayout.structLayout(
            U16.withName("ItemType"), U32.withName("MinValue"), U32.withName("MaxValue"), U32.withName("StepSize"),
            U32.withName("DefaultValue"), U32.withName("CurrentValue"));

    public static final StructLayout TW_ARRAY = MemoryLayout.structLayout(
            U16.withName("ItemType"), U32.withName("NumItems"), ValueLayout.JAVA_BYTE.withName("ItemList"),
            MemoryLayout.paddingLayout(1));

    public static final StructLayout TW_USERINTERFACE = MemoryLayout.structLayout(
            U16.withName("ShowUI"), U16.withName("ModalUI"), PTR.withName("hParent"));

    public static final StructLayout TW_PENDINGXFERS = MemoryLayout.structLayout(
            U16.withName("Count"), U32.withName("EOJ"));

    public static final StructLayout TW_IMAGEINFO = MemoryLayout.structLayout(
            TW_FIX32.withName("XResolution"), TW_FIX32.withName("YResolution"), U32.withName("ImageWidth"),
            U32.withName("ImageLength"), U16.withName("SamplesPerPixel"),
            MemoryLayout.sequenceLayout(8, U16).withName("BitsPerSample"), U16.withName("BitsPerPixel"),
            U16.withName("Planar"), U16.withName("PixelType"), U16.withName("Compression"));

    public static final StructLayout TW_IMAGELAYOUT = MemoryLayout.structLayout(
            TW_FRAME.withName("Frame"), U32.withName("DocumentNumber"), U32.withName("PageNumber"),
            U32.withName("FrameNumber"));

    public static final StructLayout TW_STATUS = MemoryLayout.structLayout(
            U16.withName("ConditionCode"), U16.withName("Data"));

    public static final StructLayout TW_ENTRYPOINT = MemoryLayout.structLayout(
            U32.withName("Size"), PTR.withName("DSM_Entry"), PTR.withName("DSM_MemAllocate"),
            PTR.withName("DSM_MemFree"), PTR.withName("DSM_MemLock"), PTR.withName("DSM_MemUnlock"));

    /** RefCon is a TW_UINTPTR: pointer-sized. */
    public static final StructLayout TW_CALLBACK2 = MemoryLayout.structLayout(
            PTR.withName("CallBackProc"), ValueLayout.ADDRESS.byteSize() == 8
                    ? ValueLayout.JAVA_LONG.withByteAlignment(2).withName("RefCon")
                    : U32.withName("RefCon"),
            U16.withName("Message"));

    /** For the Windows message loop (DAT_EVENT / MSG_PROCESSEVENT) when the source takes no callback. */
    public static final StructLayout TW_EVENT = MemoryLayout.structLayout(
            PTR.withName("pEvent"), U16.withName("TWMessage"));

    private static MemoryLayout str32(String name) {
        return MemoryLayout.sequenceLayout(STR32_BYTES, ValueLayout.JAVA_BYTE).withName(name);
    }

    /** Byte offset of a (nested) field: {@code offset(TW_IDENTITY, "Version", "Info")}. */
    public static long offset(StructLayout layout, String... path) {
        MemoryLayout.PathElement[] elements = new MemoryLayout.PathElement[path.length];
        for (int i = 0; i < path.length; i++) {
            elements[i] = groupElement(path[i]);
        }
        return layout.byteOffset(elements);
    }

    static int u16(MemorySegment segment, StructLayout layout, String... field) {
        return Short.toUnsignedInt(segment.get(SHORT, offset(layout, field)));
    }

    static void setU16(MemorySegment segment, StructLayout layout, String field, int value) {
        segment.set(SHORT, offset(layout, field), (short) value);
    }

    static long u32(MemorySegment segment, StructLayout layout, String field) {
        return Integer.toUnsignedLong(segment.get(INT, offset(layout, field)));
    }

    static void setU32(MemorySegment segment, StructLayout layout, String field, long value) {
        segment.set(INT, offset(layout, field), (int) value);
    }

    static MemorySegment pointer(MemorySegment segment, StructLayout layout, String field) {
        return segment.get(POINTER, offset(layout, field));
    }

    static void setPointer(MemorySegment segment, StructLayout layout, String field, MemorySegment value) {
        segment.set(POINTER, offset(layout, field), value);
    }

    /** TW_FIX32 → number: Whole + Frac / 65536 (Whole is signed). */
    public static double fix32(MemorySegment segment, long offset) {
        short whole = segment.get(SHORT, offset);
        int frac = Short.toUnsignedInt(segment.get(SHORT, offset + 2));
        return whole + frac / 65536.0;
    }

    /** Number → TW_FIX32, rounded to the nearest 1/65536 as the specification's FloatToFix32 does. */
    public static void setFix32(MemorySegment segment, long offset, double value) {
        int fixed = (int) Math.round(value * 65536.0);
        segment.set(SHORT, offset, (short) (fixed >> 16));
        segment.set(SHORT, offset + 2, (short) (fixed & 0xffff));
    }

    /** A NUL-terminated TWAIN string of at most {@code capacity} bytes. */
    public static String string(MemorySegment segment, long offset, int capacity) {
        byte[] bytes = segment.asSlice(offset, capacity).toArray(ValueLayout.JAVA_BYTE);
        int length = 0;
        while (length < bytes.length && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, java.nio.charset.Charset.forName("windows-1252"));
    }

    /** Writes ASCII text, truncated to leave room for the NUL, and zero-fills the rest. */
    static void setString(MemorySegment segment, long offset, int capacity, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int length = Math.min(bytes.length, capacity - 1);
        segment.asSlice(offset, capacity).fill((byte) 0);
        MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, offset, length);
    }

    /** The product name of a TW_IDENTITY: the source's id in the bridge protocol. */
    public static String productName(MemorySegment identity) {
        return string(identity, offset(TW_IDENTITY, "ProductName"), STR32_BYTES);
    }
}
