package vn.motcua.sync.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireJsonTest {

    @Test
    void aManifestReadsBackEqual() throws Exception {
        DossierManifest read = WireJson.readManifest(WireJson.write(Samples.manifest()));
        assertThat(read).isEqualTo(Samples.manifest());
        assertThat(read.receivedAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    }

    @Test
    void timesAreWrittenWithTheirOffsetAndAbsentFieldsAreLeftOut() {
        String json = Samples.json();
        assertThat(json).contains("\"receivedAt\":\"2026-12-04T09:30:00+07:00\"").doesNotContain("returnedAt")
                .doesNotContain("null");
    }

    @Test
    void aFieldFromALaterVersionIsIgnored() throws Exception {
        String json = Samples.json().replaceFirst("\\{", "{\"fees\":[{\"amount\":8000}],");
        assertThat(WireJson.readManifest(json.getBytes(UTF_8))).isEqualTo(Samples.manifest());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "revision as text     | \"revision\":1            | \"revision\":\"1\"            | revision",
            "revision as float    | \"revision\":1            | \"revision\":1.5             | revision",
            "status as boolean    | \"status\":2              | \"status\":true              | status",
            "name as number       | \"name\":\"Nguyễn Thị Lan\" | \"name\":42                 | applicant.name",
            "unknown applicant kind | \"PERSONAL_ID\"         | \"CCCD\"                     | applicant.kind",
            "kind as number       | \"PERSONAL_ID\"           | 0                          | applicant.kind",
            "components as object | \"components\":[          | \"components\":{\"x\":[        | components",
            "time without offset  | 2026-12-04T09:30:00+07:00 | 2026-12-04 09:30           | receivedAt",
    })
    void aWrongTypeNamesItsField(String name, String from, String to, String field) {
        String json = Samples.json().replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThat(json).isNotEqualTo(Samples.json());
        assertThatThrownBy(() -> WireJson.readManifest(json.getBytes(UTF_8)))
                .isInstanceOf(WireFormatException.class)
                .satisfies(e -> assertThat(((WireFormatException) e).field()).isEqualTo(field));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{",
            "{\"code\":\"x\",\"code\":\"y\"}",
            "[]",
            "null",
            "\"text\"",
            "{} {}",
            "{\"revision\": 99999999999999999999999999}",
    })
    void brokenJsonIsRefused(String json) {
        assertThatThrownBy(() -> WireJson.readManifest(json.getBytes(UTF_8))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void emptyDeepAndHugeBodiesAreRefused() {
        assertThatThrownBy(() -> WireJson.readManifest(new byte[0])).isInstanceOf(WireFormatException.class);
        String deep = "{\"summary\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertThatThrownBy(() -> WireJson.readManifest(deep.getBytes(UTF_8))).isInstanceOf(WireFormatException.class);
        byte[] huge = new byte[WireJson.MAX_MANIFEST_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThatThrownBy(() -> WireJson.readManifest(huge)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void theApiRecordsReadBack() throws Exception {
        var change = new Api.Change(7, "000.00.15.H42-261204-0001", Api.ChangeKind.RESULT, 9,
                java.time.OffsetDateTime.parse("2026-12-10T14:00:00+07:00"), "Chuyên viên A", null,
                java.util.List.of(new FileRef(Samples.PAGE_1, 10, "ket-qua.pdf", FileRef.Kind.RESULT)));
        var page = new Api.ChangesPage(java.util.List.of(change), "djE6Nw");
        assertThat(WireJson.read(WireJson.write(page), Api.ChangesPage.class)).isEqualTo(page);
        assertThat(new String(WireJson.write(Api.Error.of("not_your_dossier", "m")), UTF_8))
                .isEqualTo("{\"error\":\"not_your_dossier\",\"message\":\"m\"}");
    }
}
