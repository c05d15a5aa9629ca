package vn.motcua.scanner.worker.host.twain;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The TWAIN backend's state sequence against recorded DSM conversations: for each bridge request, the DSM_Entry
 * calls it makes (in order, with the structures it passes), and the answers it sends back, line by line. The
 * conversations follow the TWAIN 2.4 specification's state diagram and a TWAIN 2 DSM's answers; they are NOT
 * captured from a Windows machine (see scanner-bridge/README.md, "What is not proven").
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordedDsmConversationTest {

    @TestFactory
    Stream<DynamicTest> sheetfedDuplexAndFlatbed() throws IOException {
        return conversations("sheetfed-and-flatbed.dsm");
    }

    private Stream<DynamicTest> conversations(String resource) throws IOException {
        return Conversation.load(getClass(), resource).stream()
                .map(c -> DynamicTest.dynamicTest(c.title(), () -> replay(c)));
    }

    private static void replay(Conversation conversation) throws Exception {
        RecordedDsm dsm = new RecordedDsm(conversation);
        conversation.replay(new TwainBackend(dsm, 1_000), () -> { });
        dsm.assertAllReleased();
    }
}
