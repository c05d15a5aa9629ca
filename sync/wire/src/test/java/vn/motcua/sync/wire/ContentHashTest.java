package vn.motcua.sync.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void keyOrderWhiteSpaceAndTimeOffsetDoNotChangeTheHash() throws Exception {
        ObjectNode tree = (ObjectNode) WireJson.mapper().readTree(Samples.json());
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        Collections.reverse(names);
        StringBuilder reordered = new StringBuilder("{\n");
        for (String name : names) {
            reordered.append("  \"").append(name).append("\" : ").append(tree.get(name)).append(",\n");
        }
        String json = reordered.substring(0, reordered.length() - 2) + "\n}";
        json = json.replace("\"2026-12-04T09:30:00+07:00\"", "\"2026-12-04T02:30:00Z\"");
        DossierManifest same = WireJson.readManifest(json.getBytes(UTF_8));
        assertThat(same).isNotEqualTo(Samples.manifest()); // other offset: another record, the same content
        assertThat(ContentHash.of(same)).isEqualTo(ContentHash.of(Samples.manifest()));
    }

    @Test
    void anyChangeOfContentChangesTheHash() {
        DossierManifest s = Samples.manifest();
        DossierManifest otherStatus = new DossierManifest(s.code(), s.revision(), s.agencyCode(), s.procedure(),
                s.applicant(), s.summary(), s.receivedAt(), s.appointmentAt(), s.returnedAt(), 4, s.channel(),
                s.components(), s.documents(), s.events());
        DossierManifest oneFileLess = new DossierManifest(s.code(), s.revision(), s.agencyCode(), s.procedure(),
                s.applicant(), s.summary(), s.receivedAt(), s.appointmentAt(), s.returnedAt(), s.status(), s.channel(),
                s.components(), List.of(), s.events());
        assertThat(ContentHash.of(otherStatus)).isNotEqualTo(ContentHash.of(s));
        assertThat(ContentHash.of(oneFileLess)).isNotEqualTo(ContentHash.of(s));
    }

    @Test
    void absentAndEmptyListsHashTheSame() {
        DossierManifest s = Samples.manifest();
        DossierManifest nulls = new DossierManifest(s.code(), 1, s.agencyCode(), s.procedure(), s.applicant(), null,
                s.receivedAt(), null, null, 2, 1, null, null, null);
        DossierManifest empties = new DossierManifest(s.code(), 1, s.agencyCode(), s.procedure(), s.applicant(), null,
                s.receivedAt(), null, null, 2, 1, List.of(), List.of(), List.of());
        assertThat(ContentHash.of(nulls)).isEqualTo(ContentHash.of(empties));
    }

    @Test
    void theCanonicalFormIsSortedCompactAndInUtc() {
        String canonical = new String(ContentHash.canonicalJson(Samples.manifest()), UTF_8);
        assertThat(canonical).startsWith("{\"agencyCode\":\"000.00.15.H42\",\"applicant\":{\"address\":")
                .contains("\"appointmentAt\":\"2026-12-07T02:30:00Z\",\"channel\":1,")
                .doesNotContain(" \"").doesNotContain("\n").doesNotContain("returnedAt");
        assertThat(ContentHash.of(Samples.manifest())).matches("[0-9a-f]{64}");
    }

    @Test
    void hubChangeAbsentKeepsTheHashOfEarlierManifestsAndPresentItCountsAndReadsBack() throws Exception {
        DossierManifest s = Samples.manifest();
        assertThat(s.hubChange()).isNull();
        assertThat(new String(ContentHash.canonicalJson(s), UTF_8)).doesNotContain("hubChange");
        DossierManifest knowing = new DossierManifest(s.code(), s.revision(), s.agencyCode(), s.procedure(),
                s.applicant(), s.summary(), s.receivedAt(), s.appointmentAt(), s.returnedAt(), s.status(), s.channel(),
                s.components(), s.documents(), s.events(), 17L);
        assertThat(ContentHash.of(knowing)).isNotEqualTo(ContentHash.of(s));
        DossierManifest read = WireJson.readManifest(WireJson.write(knowing));
        assertThat(read.hubChange()).isEqualTo(17L);
        assertThat(read.withRevision(3).hubChange()).isEqualTo(17L);
        assertThat(ContentHash.of(read)).isEqualTo(ContentHash.of(knowing));
    }
}
