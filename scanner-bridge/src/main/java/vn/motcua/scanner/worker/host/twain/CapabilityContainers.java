package vn.motcua.scanner.worker.host.twain;

import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_ARRAY;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_ENUMERATION;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_ONEVALUE;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.TW_RANGE;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.offset;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.scanner.worker.BridgeMessage;

/**
 * Capability containers (TW_ONEVALUE, TW_ENUMERATION, TW_RANGE, TW_ARRAY) to and from the bridge protocol's
 * {@code CAP} lines, unmapped: names of values as in twain.h, numbers as numbers, TW_FIX32 as a decimal.
 * Items of every type lie in place, from the item field on (a TW_ONEVALUE of TWTY_STR255 is 2 + 256 bytes).
 */
public final class CapabilityContainers {

    private CapabilityContainers() {
    }

    /** Bytes of one item of a TWTY_ type; pointers (TWTY_HANDLE) take the running JVM's size. */
    public static int itemSize(int itemType) {
        return switch (itemType) {
            case Twain.TWTY_INT8, Twain.TWTY_UINT8 -> 1;
            case Twain.TWTY_INT16, Twain.TWTY_UINT16, Twain.TWTY_BOOL -> 2;
            case Twain.TWTY_INT32, Twain.TWTY_UINT32, Twain.TWTY_FIX32 -> 4;
            case Twain.TWTY_FRAME -> 16;
            case Twain.TWTY_STR32 -> 34;
            case Twain.TWTY_STR64 -> 66;
            case Twain.TWTY_STR128 -> 130;
            case Twain.TWTY_STR255 -> 256;
            case Twain.TWTY_HANDLE -> (int) ValueLayout.ADDRESS.byteSize();
            default -> throw new IllegalArgumentException("unknown TWTY_ item type " + itemType);
        };
    }

    /** A {@code CAP name=…} line from a locked container of type {@code conType}. */
    public static BridgeMessage toCapLine(String name, int conType, MemorySegment container) {
        Twain.Capability capability = Twain.capability(name)
                .orElse(new Twain.Capability(name, 0, Twain.TWTY_UINT32, null));
        int itemType = Short.toUnsignedInt(container.get(TwainStructs.SHORT, 0));
        return switch (conType) {
            case Twain.TWON_ONEVALUE -> BridgeMessage.of("CAP", "name", name,
                    "value", item(container, offset(TW_ONEVALUE, "Item"), itemType, capability));
            case Twain.TWON_ENUMERATION -> {
                long count = TwainStructs.u32(container, TW_ENUMERATION, "NumItems");
                List<String> values = items(container, offset(TW_ENUMERATION, "ItemList"), count, itemType,
                        capability);
                long current = TwainStructs.u32(container, TW_ENUMERATION, "CurrentIndex");
                yield BridgeMessage.of("CAP", "name", name, "values", String.join(",", values),
                        "current", current < values.size() ? values.get((int) current) : "");
            }
            case Twain.TWON_ARRAY -> BridgeMessage.of("CAP", "name", name, "values", String.join(",",
                    items(container, offset(TW_ARRAY, "ItemList"),
                            TwainStructs.u32(container, TW_ARRAY, "NumItems"), itemType, capability)));
            case Twain.TWON_RANGE -> BridgeMessage.of("CAP", "name", name,
                    "min", item(container, offset(TW_RANGE, "MinValue"), itemType, capability),
                    "max", item(container, offset(TW_RANGE, "MaxValue"), itemType, capability),
                    "step", item(container, offset(TW_RANGE, "StepSize"), itemType, capability),
                    "current", item(container, offset(TW_RANGE, "CurrentValue"), itemType, capability));
            default -> throw new IllegalArgumentException(name + ": unknown container type " + conType);
        };
    }

    private static List<String> items(MemorySegment container, long first, long count, int itemType,
                                      Twain.Capability capability) {
        int size = itemSize(itemType);
        if (count < 0 || first + count * size > container.byteSize()) {
            throw new IllegalArgumentException(capability.name() + ": " + count + " items do not fit in "
                    + container.byteSize() + " bytes");
        }
        List<String> values = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            values.add(item(container, first + i * size, itemType, capability));
        }
        return values;
    }

    private static String item(MemorySegment segment, long at, int itemType, Twain.Capability capability) {
        return switch (itemType) {
            case Twain.TWTY_BOOL -> segment.get(TwainStructs.SHORT, at) != 0 ? "TRUE" : "FALSE";
            case Twain.TWTY_FIX32 -> decimal(TwainStructs.fix32(segment, at));
            case Twain.TWTY_FRAME -> decimal(TwainStructs.fix32(segment, at)) + ":"
                    + decimal(TwainStructs.fix32(segment, at + 4)) + ":"
                    + decimal(TwainStructs.fix32(segment, at + 8)) + ":"
                    + decimal(TwainStructs.fix32(segment, at + 12));
            case Twain.TWTY_STR32, Twain.TWTY_STR64, Twain.TWTY_STR128, Twain.TWTY_STR255 ->
                    TwainStructs.string(segment, at, itemSize(itemType));
            case Twain.TWTY_HANDLE -> throw new IllegalArgumentException(capability.name() + ": TWTY_HANDLE items");
            default -> Twain.valueName(capability, integer(segment, at, itemType));
        };
    }

    private static long integer(MemorySegment segment, long at, int itemType) {
        return switch (itemType) {
            case Twain.TWTY_INT8 -> segment.get(ValueLayout.JAVA_BYTE, at);
            case Twain.TWTY_UINT8 -> Byte.toUnsignedInt(segment.get(ValueLayout.JAVA_BYTE, at));
            case Twain.TWTY_INT16 -> segment.get(TwainStructs.SHORT, at);
            case Twain.TWTY_UINT16 -> Short.toUnsignedInt(segment.get(TwainStructs.SHORT, at));
            case Twain.TWTY_INT32 -> segment.get(TwainStructs.INT, at);
            case Twain.TWTY_UINT32 -> Integer.toUnsignedLong(segment.get(TwainStructs.INT, at));
            default -> throw new IllegalArgumentException("not an integer item type: " + itemType);
        };
    }

    /** At most four decimals (1/65536 steps print as 8.2677, not 8.267684936523438), no trailing zeros. */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Writes a TW_ONEVALUE of a numeric item type into {@code container} (at least 6 bytes), zero-filled. */
    public static void writeOneValue(MemorySegment container, int itemType, double value) {
        container.asSlice(0, TW_ONEVALUE.byteSize()).fill((byte) 0);
        container.set(TwainStructs.SHORT, offset(TW_ONEVALUE, "ItemType"), (short) itemType);
        long at = offset(TW_ONEVALUE, "Item");
        switch (itemType) {
            case Twain.TWTY_INT8, Twain.TWTY_UINT8 -> container.set(ValueLayout.JAVA_BYTE, at, (byte) value);
            case Twain.TWTY_INT16, Twain.TWTY_UINT16, Twain.TWTY_BOOL ->
                    container.set(TwainStructs.SHORT, at, (short) value);
            case Twain.TWTY_INT32, Twain.TWTY_UINT32 -> container.set(TwainStructs.INT, at, (int) (long) value);
            case Twain.TWTY_FIX32 -> TwainStructs.setFix32(container, at, value);
            default -> throw new IllegalArgumentException("cannot set item type " + itemType + " as one value");
        }
    }
}
