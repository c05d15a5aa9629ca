package vn.motcua.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestRulesTest {

    @Test
    void theSampleHoldsEveryRule() throws Exception {
        ManifestRules.check(Samples.manifest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..", ".", "a/b.jpg", "a\\b.jpg", "C:evil.pdf", "tab\there.jpg", "", " "})
    void pathTricksInFileNamesAreRefused(String name) {
        DossierManifest m = withFile(new FileRef(Samples.PAGE_1, 1, name, FileRef.Kind.SCAN_PAGE));
        assertThatThrownBy(() -> ManifestRules.check(m)).isInstanceOf(WireFormatException.class)
                .satisfies(e -> assertThat(((WireFormatException) e).field()).isEqualTo("components[0].files[0].name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void aFileIsNamedByItsLowerCaseSha256(String sha) {
        DossierManifest m = withFile(new FileRef(sha, 1, "p.jpg", FileRef.Kind.SCAN_PAGE));
        assertThatThrownBy(() -> ManifestRules.check(m)).hasMessageContaining("hex");
    }

    @Test
    void theDossierCodeMustStartWithTheAgencyCode() {
        assertRefused(m -> copy(m, "000.00.15.H43-261204-0001", m.agencyCode(), m.status()), "agencyCode");
        assertRefused(m -> copy(m, "../000.00.15.H42-261204-0001", m.agencyCode(), m.status()), "code");
        assertRefused(m -> copy(m, "000.00.15.H42-261204-001", m.agencyCode(), m.status()), "code");
    }

    @Test
    void statusIsOneOfThePortalsTen() {
        assertRefused(m -> copy(m, m.code(), m.agencyCode(), 0), "status");
        assertRefused(m -> copy(m, m.code(), m.agencyCode(), 11), "status");
    }

    @Test
    void missingApplicantNameAndNullListElementsAreRefused() {
        DossierManifest s = Samples.manifest();
        var a = s.applicant();
        assertRefused(m -> new DossierManifest(m.code(), 1, m.agencyCode(), m.procedure(),
                new DossierManifest.Applicant(a.kind(), a.idNumber(), " ", null, null, null, null, null),
                null, m.receivedAt(), null, null, 2, 1, null, null, null), "applicant.name");
        java.util.ArrayList<DossierManifest.Component> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertRefused(m -> new DossierManifest(m.code(), 1, m.agencyCode(), m.procedure(), a, null,
                m.receivedAt(), null, null, 2, 1, withNull, null, null), "components[0]");
    }

    private static DossierManifest withFile(FileRef file) {
        DossierManifest s = Samples.manifest();
        return new DossierManifest(s.code(), s.revision(), s.agencyCode(), s.procedure(), s.applicant(), s.summary(),
                s.receivedAt(), s.appointmentAt(), s.returnedAt(), s.status(), s.channel(),
                List.of(new DossierManifest.Component("TP1", "Tờ khai", 1, 0, 0, List.of(file))), List.of(), List.of());
    }

    private static DossierManifest copy(DossierManifest s, String code, String agency, int status) {
        return new DossierManifest(code, s.revision(), agency, s.procedure(), s.applicant(), s.summary(),
                s.receivedAt(), s.appointmentAt(), s.returnedAt(), status, s.channel(), s.components(),
                s.documents(), s.events());
    }

    private static void assertRefused(UnaryOperator<DossierManifest> change, String field) {
        DossierManifest m = change.apply(Samples.manifest());
        assertThatThrownBy(() -> ManifestRules.check(m)).isInstanceOf(WireFormatException.class)
                .satisfies(e -> assertThat(((WireFormatException) e).field()).isEqualTo(field));
    }
}
