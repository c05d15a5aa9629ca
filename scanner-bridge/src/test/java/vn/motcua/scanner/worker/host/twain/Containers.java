package vn.motcua.scanner.worker.host.twain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Capability containers as a data source lays them out, written with the literal byte offsets of twain.h under
 * pack(2) (not with the worker's layouts, so a wrong layout cannot agree with itself): ItemType at 0; TW_ONEVALUE
 * Item at 2; TW_ENUMERATION NumItems 2, CurrentIndex 6, DefaultIndex 10, items from 14; TW_RANGE Min 2, Max 6,
 * Step 10, Default 14, Current 18; TW_ARRAY NumItems 2, items from 6.
 */
final class Containers {

    private Containers() {
    }

    static byte[] oneValue(int itemType, double item) {
        ByteBuffer buffer = buffer(2 + Math.max(4, itemBytes(itemType)));
        buffer.putShort(0, (short) itemType);
        putItem(buffer, 2, itemType, item);
        return buffer.array();
    }

    /** A string item in Windows-1252, the ANSI code page scanner drivers use. */
    static byte[] oneString(int itemType, String text) {
        ByteBuffer buffer = buffer(2 + itemBytes(itemType));
        buffer.putShort(0, (short) itemType);
        buffer.put(2, text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        return buffer.array();
    }

    static byte[] enumeration(int itemType, List<? extends Number> items, int current, int dflt) {
        ByteBuffer buffer = buffer(14 + items.size() * itemBytes(itemType));
        buffer.putShort(0, (short) itemType).putInt(2, items.size()).putInt(6, current).putInt(10, dflt);
        for (int i = 0; i < items.size(); i++) {
            putItem(buffer, 14 + i * itemBytes(itemType), itemType, items.get(i).doubleValue());
        }
        return buffer.array();
    }

    static byte[] array(int itemType, List<? extends Number> items) {
        ByteBuffer buffer = buffer(6 + items.size() * itemBytes(itemType));
        buffer.putShort(0, (short) itemType).putInt(2, items.size());
        for (int i = 0; i < items.size(); i++) {
            putItem(buffer, 6 + i * itemBytes(itemType), itemType, items.get(i).doubleValue());
        }
        return buffer.array();
    }

    static byte[] range(int itemType, double min, double max, double step, double dflt, double current) {
        ByteBuffer buffer = buffer(22);
        buffer.putShort(0, (short) itemType);
        double[] values = {min, max, step, dflt, current};
        for (int i = 0; i < values.length; i++) {
            putItem(buffer, 2 + 4 * i, itemType, values[i]);
        }
        return buffer.array();
    }

    /** The item of a TW_ONEVALUE as a number (TW_FIX32 as Whole + Frac/65536). */
    static double oneValueItem(ByteBuffer container) {
        int type = container.getShort(0);
        return switch (type) {
            case Twain.TWTY_FIX32 -> container.getShort(2) + Short.toUnsignedInt(container.getShort(4)) / 65536.0;
            case Twain.TWTY_INT16 -> container.getShort(2);
            case Twain.TWTY_UINT16, Twain.TWTY_BOOL -> Short.toUnsignedInt(container.getShort(2));
            default -> container.getInt(2);
        };
    }

    static int itemBytes(int itemType) {
        return switch (itemType) {
            case Twain.TWTY_INT16, Twain.TWTY_UINT16, Twain.TWTY_BOOL -> 2;
            case Twain.TWTY_INT32, Twain.TWTY_UINT32, Twain.TWTY_FIX32 -> 4;
            case Twain.TWTY_STR32 -> 34;
            case Twain.TWTY_STR255 -> 256;
            default -> throw new IllegalArgumentException("item type not used in tests: " + itemType);
        };
    }

    private static void putItem(ByteBuffer buffer, int at, int itemType, double value) {
        switch (itemType) {
            case Twain.TWTY_INT16, Twain.TWTY_UINT16, Twain.TWTY_BOOL -> buffer.putShort(at, (short) value);
            case Twain.TWTY_INT32, Twain.TWTY_UINT32 -> buffer.putInt(at, (int) value);
            case Twain.TWTY_FIX32 -> {
                int whole = (int) Math.floor(value);
                buffer.putShort(at, (short) whole).putShort(at + 2, (short) Math.round((value - whole) * 65536));
            }
            default -> throw new IllegalArgumentException("item type not used in tests: " + itemType);
        }
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
