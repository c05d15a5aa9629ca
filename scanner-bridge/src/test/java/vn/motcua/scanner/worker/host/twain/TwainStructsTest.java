package vn.motcua.scanner.worker.host.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.motcua.scanner.worker.host.twain.TwainStructs.offset;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sizes and offsets as twain.h's {@code #pragma pack (2)} gives them on 64-bit Windows (8-byte pointers), worked
 * out by hand from the structure definitions in twain.h 2.4: a 4-byte field after a 2-byte one starts at 2, not
 * 4; a pointer after two TW_UINT16 starts at 4, not 8. Sizes are C's sizeof, including the one-byte ItemList and
 * its padding.
 */
@Timeout(10)
class TwainStructsTest {

    @BeforeAll
    static void sixtyFourBit() {
        assumeTrue(ValueLayout.ADDRESS.byteSize() == 8, "offsets below are for 64-bit pointers");
    }

    @Test
    void identityAndVersion() {
        assertThat(TwainStructs.TW_VERSION.byteSize()).isEqualTo(42);
        assertThat(offset(TwainStructs.TW_VERSION, "Info")).isEqualTo(8);
        StructLayout identity = TwainStructs.TW_IDENTITY;
        assertThat(identity.byteSize()).isEqualTo(156);
        assertThat(offset(identity, "Version")).isEqualTo(4);
        assertThat(offset(identity, "Version", "Info")).isEqualTo(12);
        assertThat(offset(identity, "ProtocolMajor")).isEqualTo(46);
        assertThat(offset(identity, "ProtocolMinor")).isEqualTo(48);
        assertThat(offset(identity, "SupportedGroups")).isEqualTo(50);
        assertThat(offset(identity, "Manufacturer")).isEqualTo(54);
        assertThat(offset(identity, "ProductFamily")).isEqualTo(88);
        assertThat(offset(identity, "ProductName")).isEqualTo(122);
    }

    @Test
    void capabilityAndContainers() {
        assertThat(TwainStructs.TW_FIX32.byteSize()).isEqualTo(4);
        assertThat(TwainStructs.TW_CAPABILITY.byteSize()).isEqualTo(12);
        assertThat(offset(TwainStructs.TW_CAPABILITY, "hContainer")).isEqualTo(4);
        assertThat(TwainStructs.TW_ONEVALUE.byteSize()).isEqualTo(6);
        assertThat(offset(TwainStructs.TW_ONEVALUE, "Item")).isEqualTo(2);
        assertThat(TwainStructs.TW_ENUMERATION.byteSize()).isEqualTo(16);
        assertThat(offset(TwainStructs.TW_ENUMERATION, "NumItems")).isEqualTo(2);
        assertThat(offset(TwainStructs.TW_ENUMERATION, "CurrentIndex")).isEqualTo(6);
        assertThat(offset(TwainStructs.TW_ENUMERATION, "DefaultIndex")).isEqualTo(10);
        assertThat(offset(TwainStructs.TW_ENUMERATION, "ItemList")).isEqualTo(14);
        assertThat(TwainStructs.TW_RANGE.byteSize()).isEqualTo(22);
        assertThat(offset(TwainStructs.TW_RANGE, "MinValue")).isEqualTo(2);
        assertThat(offset(TwainStructs.TW_RANGE, "StepSize")).isEqualTo(10);
        assertThat(offset(TwainStructs.TW_RANGE, "CurrentValue")).isEqualTo(18);
        assertThat(TwainStructs.TW_ARRAY.byteSize()).isEqualTo(8);
        assertThat(offset(TwainStructs.TW_ARRAY, "ItemList")).isEqualTo(6);
    }

    @Test
    void transferStructures() {
        assertThat(TwainStructs.TW_USERINTERFACE.byteSize()).isEqualTo(12);
        assertThat(offset(TwainStructs.TW_USERINTERFACE, "hParent")).isEqualTo(4);
        assertThat(TwainStructs.TW_PENDINGXFERS.byteSize()).isEqualTo(6);
        assertThat(offset(TwainStructs.TW_PENDINGXFERS, "EOJ")).isEqualTo(2);
        assertThat(TwainStructs.TW_IMAGEINFO.byteSize()).isEqualTo(42);
        assertThat(offset(TwainStructs.TW_IMAGEINFO, "ImageWidth")).isEqualTo(8);
        assertThat(offset(TwainStructs.TW_IMAGEINFO, "BitsPerSample")).isEqualTo(18);
        assertThat(offset(TwainStructs.TW_IMAGEINFO, "BitsPerPixel")).isEqualTo(34);
        assertThat(offset(TwainStructs.TW_IMAGEINFO, "PixelType")).isEqualTo(38);
        assertThat(offset(TwainStructs.TW_IMAGEINFO, "Compression")).isEqualTo(40);
        assertThat(TwainStructs.TW_FRAME.byteSize()).isEqualTo(16);
        assertThat(TwainStructs.TW_IMAGELAYOUT.byteSize()).isEqualTo(28);
        assertThat(offset(TwainStructs.TW_IMAGELAYOUT, "Frame", "Bottom")).isEqualTo(12);
        assertThat(offset(TwainStructs.TW_IMAGELAYOUT, "DocumentNumber")).isEqualTo(16);
        assertThat(offset(TwainStructs.TW_IMAGELAYOUT, "FrameNumber")).isEqualTo(24);
        assertThat(TwainStructs.TW_STATUS.byteSize()).isEqualTo(4);
    }

    @Test
    void entryPointsCallbackAndEvent() {
        assertThat(TwainStructs.TW_ENTRYPOINT.byteSize()).isEqualTo(44);
        assertThat(offset(TwainStructs.TW_ENTRYPOINT, "DSM_Entry")).isEqualTo(4);
        assertThat(offset(TwainStructs.TW_ENTRYPOINT, "DSM_MemAllocate")).isEqualTo(12);
        assertThat(offset(TwainStructs.TW_ENTRYPOINT, "DSM_MemFree")).isEqualTo(20);
        assertThat(offset(TwainStructs.TW_ENTRYPOINT, "DSM_MemLock")).isEqualTo(28);
        assertThat(offset(TwainStructs.TW_ENTRYPOINT, "DSM_MemUnlock")).isEqualTo(36);
        assertThat(TwainStructs.TW_CALLBACK2.byteSize()).isEqualTo(18);
        assertThat(offset(TwainStructs.TW_CALLBACK2, "RefCon")).isEqualTo(8);
        assertThat(offset(TwainStructs.TW_CALLBACK2, "Message")).isEqualTo(16);
        assertThat(TwainStructs.TW_EVENT.byteSize()).isEqualTo(10);
        assertThat(offset(TwainStructs.TW_EVENT, "TWMessage")).isEqualTo(8);
    }

    @Test
    void fix32KeepsWholeAndSixteenthsOfThousands() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fix = arena.allocate(4);
            TwainStructs.setFix32(fix, 0, 8.5);
            assertThat(fix.get(ValueLayout.JAVA_SHORT, 0)).isEqualTo((short) 8);
            assertThat(fix.get(ValueLayout.JAVA_SHORT, 2)).isEqualTo((short) 0x8000);
            TwainStructs.setFix32(fix, 0, -1.25);
            assertThat(TwainStructs.fix32(fix, 0)).isEqualTo(-1.25);
            TwainStructs.setFix32(fix, 0, 11.6929);
            assertThat(TwainStructs.fix32(fix, 0)).isCloseTo(11.6929, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void stringsAreNulTerminatedAndTruncatedToTheirField() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment identity = arena.allocate(TwainStructs.TW_IDENTITY);
            identity.fill((byte) 'x');
            TwainStructs.setString(identity, 122, 34, "A product name longer than thirty-three bytes");
            assertThat(TwainStructs.productName(identity)).isEqualTo("A product name longer than thirty");
            assertThat(identity.get(ValueLayout.JAVA_BYTE, 122 + 33)).isZero();
            assertThat(identity.get(ValueLayout.JAVA_BYTE, 88 + 33)).isEqualTo((byte) 'x');
        }
    }
}
