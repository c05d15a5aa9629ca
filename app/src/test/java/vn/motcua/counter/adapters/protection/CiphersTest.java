package vn.motcua.counter.adapters.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CiphersTest {

    private final DataKey key = DataKey.generate();

    @Test
    void filesRoundTripInSegmentsAndHideTheirContent() throws IOException {
        FileCipher cipher = new FileCipher(key);
        for (int size : new int[] {0, 1, FileCipher.SEGMENT - 1, FileCipher.SEGMENT, FileCipher.SEGMENT * 3 + 7}) {
            byte[] plain = new byte[size];
            new Random(size).nextBytes(plain);
            byte[] sealed = cipher.encrypt(plain, "page:abc");
            assertThat(FileCipher.isEncrypted(sealed)).isTrue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            cipher.decrypt(new ByteArrayInputStream(sealed), out, "page:abc");
            assertThat(out.toByteArray()).isEqualTo(plain);
        }
        byte[] name = "Nguyễn Văn An 001099012345".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = cipher.encrypt(name, "receipt:x");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("001099012345");
    }

    @Test
    void aChangedCutOrMovedFileIsRefused() {
        FileCipher cipher = new FileCipher(key);
        byte[] plain = new byte[FileCipher.SEGMENT * 2 + 10];
        byte[] sealed = cipher.encrypt(plain, "page:a");
        byte[] flipped = sealed.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(flipped, "page:a")).isInstanceOf(IOException.class);
        byte[] cut = java.util.Arrays.copyOf(sealed, 4 + 7 + FileCipher.SEGMENT + 16);   // whole first segment only
        assertThatThrownBy(() -> cipher.decrypt(cut, "page:a")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "page:b")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new FileCipher(DataKey.generate()).decrypt(sealed, "page:a"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void columnsAreSealedPerColumnAndOldPlainValuesStillRead() {
        FieldCipher fields = new FieldCipher(key);
        String sealed = fields.seal("applicant_name", "Nguyễn Văn An");
        assertThat(sealed).startsWith(FieldCipher.PREFIX).doesNotContain("Nguy");
        assertThat(fields.seal("applicant_name", "Nguyễn Văn An")).isNotEqualTo(sealed);   // random nonce
        assertThat(fields.open("applicant_name", sealed)).isEqualTo("Nguyễn Văn An");
        assertThatThrownBy(() -> fields.open("applicant_address", sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(fields.open("applicant_name", "plain from before")).isEqualTo("plain from before");
        assertThat(fields.seal("applicant_email", null)).isNull();
    }

    @Test
    void searchTokensAreKeyedStableAndFindPrefixes() {
        FieldCipher fields = new FieldCipher(key);
        String name = fields.prefixTokens("name", List.of("nguyen", "an"));
        assertThat(name.split(" ")).contains(fields.token("name", "ngu"), fields.token("name", "nguyen"),
                fields.token("name", "a"));
        assertThat(name).doesNotContain("nguyen").matches("[a-z2-7 ]+");
        assertThat(fields.token("name", "an")).isNotEqualTo(fields.token("text", "an"))
                .isNotEqualTo(new FieldCipher(DataKey.generate()).token("name", "an"));
        assertThat(fields.wordTokens("text", List.of("giay", "khai", "sinh")).split(" ")).hasSize(3);
    }
}
