package vn.motcua.scanner.twain.worker.dsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import vn.motcua.scanner.twain.BridgeMessage;

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
        String text;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Conversation.parse(text).stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> replay(c)));
    }

    private static void replay(Conversation conversation) throws Exception {
        RecordedDsm dsm = new RecordedDsm(conversation);
        TwainBackend backend = new TwainBackend(dsm, 1_000);
        conversation.onCancel(backend::cancel);
        while (conversation.hasNext()) {
            BridgeMessage request = Conversation.message(conversation.next('>'));
            if (request.is("BYE")) {
                backend.close();
            } else {
                backend.handle(request, answer -> expect(conversation, answer));
            }
        }
        dsm.assertAllReleased();
    }

    /** The answer must equal the recorded one; {@code image=WxH} stands for a payload that decodes to that size. */
    private static void expect(Conversation conversation, BridgeMessage answer) throws IOException {
        BridgeMessage recorded = Conversation.message(conversation.next('<'));
        Map<String, String> fields = new LinkedHashMap<>(recorded.fields());
        String size = fields.remove("image");
        assertThat(answer.verb()).isEqualTo(recorded.verb());
        assertThat(answer.fields()).as(answer.verb()).containsExactlyEntriesOf(fields);
        if (size != null) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.payload()));
            assertThat(image).as("page payload is an image").isNotNull();
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(size);
        } else {
            assertThat(answer.payload()).isEmpty();
        }
    }
}
