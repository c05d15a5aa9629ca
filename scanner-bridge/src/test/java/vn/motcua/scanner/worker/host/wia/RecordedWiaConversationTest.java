package vn.motcua.scanner.worker.host.wia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import vn.motcua.scanner.worker.host.twain.Conversation;

/**
 * The WIA backend against recorded COM conversations: for each bridge request, the COM calls it makes (in order,
 * with the PROPSPEC/PROPVARIANT contents at the SDK's x64 offsets), what its own IWiaTransferCallback answers the
 * driver, and the bridge answers, line by line; every reference released. The conversations follow the WIA 2.0
 * documentation; they are NOT captured from a Windows machine (see scanner-bridge/README.md, "What is not proven").
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordedWiaConversationTest {

    private static final String RECORDING = "flatbed-and-feeder.wia";

    @TestFactory
    Stream<DynamicTest> flatbedFeederAndDuplexScanners() throws IOException {
        return Conversation.load(getClass(), RECORDING).stream()
                .map(c -> DynamicTest.dynamicTest(c.title(), () -> replay(c)));
    }

    private static void replay(Conversation conversation) throws Exception {
        RecordedWia wia = new RecordedWia(conversation);
        conversation.replay(new WiaBackend(wia), wia::rethrowFailure);
        wia.assertAllReleased();
    }

    /** What the worker says for the recorded MFP is what the bridge-level exchange (and WiaMapping's tests) use. */
    @Test
    void capabilitiesAreThoseOfTheBridgeExchange() throws IOException {
        List<String> worker = propLines(Conversation.load(getClass(), RECORDING), "capabilities of a flatbed");
        List<String> exchange = propLines(Conversation.load(getClass(),
                "/vn/motcua/scanner/worker/wia-flatbed-feeder.exchange"), "process 1");

        assertThat(worker).hasSize(7).isEqualTo(exchange);
    }

    private static List<String> propLines(List<Conversation> sections, String titleStart) {
        return sections.stream().filter(c -> c.title().startsWith(titleStart)).findFirst().orElseThrow()
                .remaining('<').stream().filter(line -> line.startsWith("PROP ")).toList();
    }

    /** propidlbase.h on x64: PROPSPEC 16 bytes (union at 8), PROPVARIANT 24 (vt at 0, union at 8, pElems at 16). */
    @Test
    void propertyStructuresHaveTheirX64Layout() {
        assertThat(PropVariants.PROPSPEC.byteSize()).isEqualTo(16);
        assertThat(PropVariants.PROPVARIANT.byteSize()).isEqualTo(24);
        assertThat(PropVariants.PROPVARIANT.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement(
                "pElems"))).isEqualTo(16);
        assertThat(TransferCallback.PARAMS_BYTES).as("WiaTransferParams").isEqualTo(24);
    }
}
