package vn.motcua.scanner.worker.host.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.motcua.scanner.worker.BridgeMessage;

/** Containers laid out byte by byte as a source fills them, decoded into the worker's CAP lines, and back. */
@Timeout(10)
class CapabilityContainersTest {

    private static Map<String, String> decode(String name, int conType, byte[] container) {
        BridgeMessage line = CapabilityContainers.toCapLine(name, conType, MemorySegment.ofArray(container));
        assertThat(line.verb()).isEqualTo("CAP");
        return line.fields();
    }

    @Test
    void oneValueBooleanNamedValueAndFix32() {
        assertThat(decode("CAP_FEEDERENABLED", Twain.TWON_ONEVALUE, Containers.oneValue(Twain.TWTY_BOOL, 1)))
                .containsExactly(Map.entry("name", "CAP_FEEDERENABLED"), Map.entry("value", "TRUE"));
        assertThat(decode("CAP_DUPLEX", Twain.TWON_ONEVALUE, Containers.oneValue(Twain.TWTY_UINT16, 1)))
                .containsEntry("value", "TWDX_1PASSDUPLEX");
        assertThat(decode("ICAP_PHYSICALWIDTH", Twain.TWON_ONEVALUE, Containers.oneValue(Twain.TWTY_FIX32, 8.5)))
                .containsEntry("value", "8.5");
        assertThat(decode("ICAP_PHYSICALHEIGHT", Twain.TWON_ONEVALUE, Containers.oneValue(Twain.TWTY_FIX32, 11.69)))
                .containsEntry("value", "11.69");
        assertThat(decode("CAP_XFERCOUNT", Twain.TWON_ONEVALUE, Containers.oneValue(Twain.TWTY_INT16, -1)))
                .containsEntry("value", "-1");
    }

    @Test
    void oneValueStringLiesInPlace() {
        assertThat(decode("CAP_SERIALNUMBER", Twain.TWON_ONEVALUE,
                Containers.oneString(Twain.TWTY_STR255, "Numéro 0042"))).containsEntry("value", "Numéro 0042");
    }

    @Test
    void enumerationListsNamesAndTheCurrentOne() {
        assertThat(decode("ICAP_PIXELTYPE", Twain.TWON_ENUMERATION,
                Containers.enumeration(Twain.TWTY_UINT16, List.of(0, 1, 2), 1, 2)))
                .containsEntry("values", "TWPT_BW,TWPT_GRAY,TWPT_RGB").containsEntry("current", "TWPT_GRAY");
        assertThat(decode("ICAP_XRESOLUTION", Twain.TWON_ENUMERATION,
                Containers.enumeration(Twain.TWTY_FIX32, List.of(100, 150, 200, 300, 600), 3, 3)))
                .containsEntry("values", "100,150,200,300,600").containsEntry("current", "300");
        assertThat(decode("CAP_FEEDERENABLED", Twain.TWON_ENUMERATION,
                Containers.enumeration(Twain.TWTY_BOOL, List.of(0, 1), 0, 0)))
                .containsEntry("values", "FALSE,TRUE");
    }

    @Test
    void rangeOfFix32Resolutions() {
        assertThat(decode("ICAP_XRESOLUTION", Twain.TWON_RANGE,
                Containers.range(Twain.TWTY_FIX32, 50, 600, 1, 200, 300)))
                .containsEntry("min", "50").containsEntry("max", "600").containsEntry("step", "1")
                .containsEntry("current", "300").doesNotContainKey("values");
    }

    @Test
    void arrayOfAnUnknownCapabilityStaysNumeric() {
        assertThat(decode("CAP_SUPPORTEDCAPS", Twain.TWON_ARRAY,
                Containers.array(Twain.TWTY_UINT16, List.of(0x1002, 0x1012, 0x0101))))
                .containsEntry("values", "4098,4114,257");
    }

    @Test
    void anItemCountBeyondTheContainerIsRefused() {
        byte[] lying = Containers.enumeration(Twain.TWTY_UINT16, List.of(0, 1), 0, 0);
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(2, 1_000_000);

        assertThatThrownBy(() -> decode("ICAP_PIXELTYPE", Twain.TWON_ENUMERATION, lying))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
    }

    @Test
    void oneValueForSetIsWhatASourceReads() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment container = arena.allocate(6);
            container.fill((byte) 0x7f);
            CapabilityContainers.writeOneValue(container, Twain.TWTY_FIX32, 300);
            ByteBuffer bytes = container.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            assertThat(bytes.getShort(0)).isEqualTo((short) Twain.TWTY_FIX32);
            assertThat(Containers.oneValueItem(bytes)).isEqualTo(300.0);

            CapabilityContainers.writeOneValue(container, Twain.TWTY_INT16, Twain.parseValue("-1"));
            assertThat(Containers.oneValueItem(bytes)).isEqualTo(-1.0);
            assertThat(bytes.getShort(4)).as("the rest of the item field is zeroed").isZero();

            CapabilityContainers.writeOneValue(container, Twain.TWTY_UINT16, Twain.parseValue("TWPT_GRAY"));
            assertThat(Containers.oneValueItem(bytes)).isEqualTo(1.0);
        }
    }
}
