package vn.motcua.scanner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BridgeCodecTest {

    private static BridgeMessage roundTrip(BridgeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BridgeCodec.write(out, message);
        return BridgeCodec.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void fieldsWithSpacesEqualsSignsAndVietnameseSurvive() throws Exception {
        BridgeMessage message = BridgeMessage.of("DEVICE", "id", "TW 1=a%b", "name", "Máy quét Phòng Một cửa");

        BridgeMessage back = roundTrip(message);

        assertThat(back.verb()).isEqualTo("DEVICE");
        assertThat(back.fields()).containsExactly(java.util.Map.entry("id", "TW 1=a%b"),
                java.util.Map.entry("name", "Máy quét Phòng Một cửa"));
    }

    @Test
    void headerLineIsReadableText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BridgeCodec.write(out, BridgeMessage.of("SET", "name", "ICAP_XRESOLUTION", "value", "300"));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("SET name=ICAP_XRESOLUTION value=300\n");
    }

    @Test
    void payloadFollowsTheHeaderWithItsLength() throws Exception {
        byte[] page = new byte[100_000];
        Arrays.fill(page, (byte) 7);
        page[99_999] = '\n';

        BridgeMessage back = roundTrip(BridgeMessage.of("PAGE", "number", "1").withPayload(page));

        assertThat(back.payload()).isEqualTo(page);
        assertThat(back.fields()).doesNotContainKey("length");
    }

    @Test
    void twoMessagesInOneStreamStayApart() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BridgeCodec.write(out, BridgeMessage.of("PAGE", "number", "1").withPayload("PNG\nDATA".getBytes()));
        BridgeCodec.write(out, BridgeMessage.of("DONE"));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());

        assertThat(BridgeCodec.read(in).payload()).asString().isEqualTo("PNG\nDATA");
        assertThat(BridgeCodec.read(in).verb()).isEqualTo("DONE");
        assertThatThrownBy(() -> BridgeCodec.read(in)).isInstanceOf(EOFException.class);
    }

    @Test
    void aPayloadCutShortIsAnEndOfStream() {
        byte[] truncated = "PAGE number=1 length=10\nabc".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BridgeCodec.read(new ByteArrayInputStream(truncated)))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void garbageIsAProtocolError() {
        assertThatThrownBy(() -> BridgeCodec.read(new ByteArrayInputStream("hello world\n".getBytes())))
                .isInstanceOf(BridgeProtocolException.class);
        assertThatThrownBy(() -> BridgeCodec.read(new ByteArrayInputStream(
                ("PAGE " + "x".repeat(70_000)).getBytes()))).isInstanceOf(BridgeProtocolException.class);
    }
}
