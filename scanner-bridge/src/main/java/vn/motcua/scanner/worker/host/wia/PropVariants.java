package vn.motcua.scanner.worker.host.wia;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_CHAR;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * PROPSPEC and PROPVARIANT as propidlbase.h lays them out on x64: PROPSPEC is {@code ULONG ulKind} then the
 * 8-byte union (PROPID or LPOLESTR) at 8, 16 bytes; PROPVARIANT is {@code VARTYPE vt}, three reserved WORDs, then
 * the union at 8 (a counted array is {@code ULONG cElems} at 8 and the element pointer at 16), 24 bytes.
 */
final class PropVariants {

    static final StructLayout PROPSPEC = MemoryLayout.structLayout(
            JAVA_INT.withName("ulKind"), MemoryLayout.paddingLayout(4), JAVA_LONG.withName("propidOrName"));
    static final StructLayout PROPVARIANT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("vt"), MemoryLayout.paddingLayout(6), JAVA_INT.withName("cElems"),
            MemoryLayout.paddingLayout(4), ADDRESS.withName("pElems"));
    static final int PRSPEC_PROPID = 1;
    static final int VT_EMPTY = 0;
    static final int VT_I4 = 3;
    static final int VT_BSTR = 8;
    static final int VT_UI4 = 19;
    static final int VT_CLSID = 72;
    static final int VT_VECTOR = 0x1000;
    private static final long VALUE = 8;
    private static final long ELEMENTS = 16;

    private PropVariants() {
    }

    /** An array of PROPSPECs naming properties by id. */
    static MemorySegment specs(Arena arena, int... ids) {
        MemorySegment specs = arena.allocate(PROPSPEC, ids.length);
        for (int i = 0; i < ids.length; i++) {
            MemorySegment spec = specs.asSlice(i * PROPSPEC.byteSize(), PROPSPEC.byteSize());
            spec.set(JAVA_INT, 0, PRSPEC_PROPID);
            spec.set(JAVA_INT, 8, ids[i]);
        }
        return specs;
    }

    /** Zeroed PROPVARIANTs (VT_EMPTY) for a callee to fill. */
    static MemorySegment variants(Arena arena, int count) {
        return arena.allocate(PROPVARIANT, count);
    }

    static MemorySegment at(MemorySegment variants, int index) {
        return variants.asSlice(index * PROPVARIANT.byteSize(), PROPVARIANT.byteSize());
    }

    static int type(MemorySegment variant) {
        return Short.toUnsignedInt(variant.get(JAVA_SHORT, 0));
    }

    /** A VT_I4 or VT_UI4 value; empty for any other type (a property the item does not have is VT_EMPTY). */
    static OptionalLong number(MemorySegment variant) {
        return switch (type(variant)) {
            case VT_I4 -> OptionalLong.of(variant.get(JAVA_INT, VALUE));
            case VT_UI4 -> OptionalLong.of(Integer.toUnsignedLong(variant.get(JAVA_INT, VALUE)));
            default -> OptionalLong.empty();
        };
    }

    /** The elements of a VT_VECTOR of VT_I4 or VT_UI4 (WIA list, range and flag attributes). */
    static List<Long> vector(MemorySegment variant) {
        int type = type(variant);
        if (type != (VT_VECTOR | VT_I4) && type != (VT_VECTOR | VT_UI4)) {
            return List.of();
        }
        int count = variant.get(JAVA_INT, VALUE);
        MemorySegment elements = variant.get(ADDRESS, ELEMENTS).reinterpret(4L * count);
        List<Long> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int value = elements.getAtIndex(JAVA_INT, i);
            values.add(type == (VT_VECTOR | VT_UI4) ? Integer.toUnsignedLong(value) : value);
        }
        return values;
    }

    /** A VT_BSTR's text (length from the BSTR's byte-count prefix); empty text for other types. */
    static String text(MemorySegment variant) {
        if (type(variant) != VT_BSTR) {
            return "";
        }
        return bstr(variant.get(ADDRESS, VALUE));
    }

    /** A BSTR's characters: the 4 bytes before the pointer hold their length in bytes. */
    static String bstr(MemorySegment bstr) {
        if (bstr.equals(MemorySegment.NULL)) {
            return "";
        }
        int bytes = MemorySegment.ofAddress(bstr.address() - 4).reinterpret(4).get(JAVA_INT, 0);
        char[] chars = new char[bytes / 2];
        MemorySegment.copy(bstr.reinterpret(bytes), JAVA_CHAR, 0, chars, 0, chars.length);
        return new String(chars);
    }

    static void setI4(MemorySegment variant, int value) {
        variant.set(JAVA_SHORT, 0, (short) VT_I4);
        variant.set(JAVA_INT, VALUE, value);
    }

    /** VT_CLSID: the union holds a pointer to the GUID. */
    static void setClsid(MemorySegment variant, MemorySegment guid) {
        variant.set(JAVA_SHORT, 0, (short) VT_CLSID);
        variant.set(ADDRESS, VALUE, guid);
    }
}
