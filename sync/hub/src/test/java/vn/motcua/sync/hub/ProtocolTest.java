package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Keys;
import vn.motcua.sync.wire.Sha256;
import vn.motcua.sync.wire.WireJson;

/** The counters' API end to end over HTTP against a real PostgreSQL: what PROTOCOL.md promises. */
class ProtocolTest {
    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    private static Dossiers.Sample sent(CounterClient counter, String code, long seed) throws Exception {
        Dossiers.Sample s = Dossiers.sample(code, seed, 2, 40_000);
        for (byte[] f : s.files()) {
            assertThat(counter.upload(f)).isEqualTo(204);
        }
        return s;
    }

    @Test
    void aManifestIsStoredOnceAndTheSameRequestGetsTheSameAnswer() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy 1 - xã Tân Lập");
        assertThat(counter.enrolment.hubPublicKey()).isEqualTo(Keys.encode(hub.hub.keys().publicKey()));
        Dossiers.Sample s = sent(counter, Dossiers.code(4, 1), 1);
        HttpResponse<String> first = counter.put(s.manifest());
        HttpResponse<String> again = counter.put(s.manifest());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        Api.ManifestAccepted accepted = WireJson.read(first.body().getBytes(StandardCharsets.UTF_8), Api.ManifestAccepted.class);
        assertThat(accepted.code()).isEqualTo(s.manifest().code());
        assertThat(accepted.acceptedAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(hub.count("select count(*) from manifests where code = '" + s.manifest().code() + "'")).isEqualTo(1);
        assertThat(hub.count("select count(*) from exports where code = '" + s.manifest().code() + "' and service = 'DongBoHoSoMC'")).isEqualTo(1);

        // a later revision is stored beside it; the earlier one, resent, still gets its first answer
        assertThat(counter.put(s.revised(2, 4).manifest()).statusCode()).isEqualTo(200);
        HttpResponse<String> older = counter.put(s.manifest());
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).isEqualTo(first.body());
        assertThat(hub.count("select latest_revision from dossiers where code = '" + s.manifest().code() + "'")).isEqualTo(2);
    }

    @Test
    void otherContentUnderTheSameRevisionIsAConflictAndNothingIsOverwritten() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy 2 - xã Tân Lập");
        Dossiers.Sample s = sent(counter, Dossiers.code(4, 2), 2);
        assertThat(counter.put(s.manifest()).statusCode()).isEqualTo(200);
        var m = s.manifest();
        var changed = new vn.motcua.sync.wire.DossierManifest(m.code(), 1, m.agencyCode(), m.procedure(), m.applicant(),
                "Tóm tắt khác", m.receivedAt(), m.appointmentAt(), null, 2, 1, m.components(), m.documents(), m.events());
        HttpResponse<String> conflict = counter.put(changed);
        assertThat(conflict.statusCode()).isEqualTo(409);
        Api.Error error = WireJson.read(conflict.body().getBytes(StandardCharsets.UTF_8), Api.Error.class);
        assertThat(error.error()).isEqualTo("manifest_conflict");
        assertThat(error.message()).contains("summary").doesNotContain("Tóm tắt").doesNotContain("Nguyễn");
        assertThat(hub.hub.processing().view(m.code(), hub.hub.changes()).orElseThrow().manifest().summary())
                .isEqualTo(m.summary());
    }

    @Test
    void aManifestNamingFilesTheHubLacksIsRefusedWhole() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy 3 - xã Tân Lập");
        Dossiers.Sample s = Dossiers.sample(Dossiers.code(4, 3), 3, 2, 30_000);
        counter.upload(s.files().get(0));
        var before = hub.footprint();
        HttpResponse<String> r = counter.put(s.manifest());
        assertThat(r.statusCode()).isEqualTo(409);
        Api.Error error = WireJson.read(r.body().getBytes(StandardCharsets.UTF_8), Api.Error.class);
        assertThat(error.error()).isEqualTo("missing_files");
        assertThat(error.missing()).containsExactly(Sha256.hex(s.files().get(1)));
        assertThat(hub.footprint()).isEqualTo(before);
        counter.upload(s.files().get(1));
        assertThat(counter.put(s.manifest()).statusCode()).isEqualTo(200);
    }

    @Test
    void theFirstCounterToSendACodeOwnsIt() throws Exception {
        CounterClient owner = hub.enrolCounter("Quầy 4 - phường Đông");
        CounterClient other = hub.enrolCounter("Quầy 5 - phường Tây");
        Dossiers.Sample s = sent(owner, Dossiers.code(4, 4), 4);
        assertThat(owner.put(s.manifest()).statusCode()).isEqualTo(200);
        var before = hub.footprint();
        HttpResponse<String> r = other.put(s.revised(2, 4).manifest());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("not_your_dossier");
        assertThat(hub.footprint()).isEqualTo(before);
        // nor may it download that dossier's files
        HttpResponse<String> download = other.send(other.request("/api/v1/blobs/" + Sha256.hex(s.files().get(0))).GET().build());
        assertThat(download.statusCode()).isEqualTo(404);
        HttpResponse<byte[]> own = CounterClient.HTTP.send(owner.request("/api/v1/blobs/" + Sha256.hex(s.files().get(0))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(s.files().get(0));
    }

    @Test
    void theDepartmentsWorkComesBackThroughTheCountersFeedInOrder() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy 6 - xã Bắc");
        CounterClient bystander = hub.enrolCounter("Quầy 7 - xã Nam");
        Dossiers.Sample s = sent(counter, Dossiers.code(4, 6), 6);
        counter.put(s.manifest());
        Api.ChangesPage empty = counter.changes(null);
        assertThat(empty.changes()).isEmpty();

        String code = s.manifest().code();
        hub.hub.processing().changeStatus(code, 4, "Chuyên viên Trần Văn B", null);
        hub.hub.processing().requestSupplement(code, "Chuyên viên Trần Văn B", "Bổ sung giấy chứng sinh bản chính");
        hub.hub.processing().changeStatus(code, 4, "Chuyên viên Trần Văn B", "Đã nhận bổ sung");
        // large and compressible enough that a gzipping server would compress it
        byte[] result = "PDF kết quả\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        var stored = hub.hub.uploads().storeWhole(new java.io.ByteArrayInputStream(result), null, 100_000);
        hub.hub.processing().attachResults(code, List.of(new FileRef(stored.sha256(), stored.size(), "giay-khai-sinh.pdf", FileRef.Kind.RESULT)),
                "Chuyên viên Trần Văn B", null);
        hub.hub.processing().changeStatus(code, 9, "Chuyên viên Trần Văn B", null);

        Api.ChangesPage first = counter.changes(empty.cursor());
        assertThat(first.changes()).extracting(Api.Change::kind).containsExactly(Api.ChangeKind.STATUS,
                Api.ChangeKind.SUPPLEMENT_REQUEST, Api.ChangeKind.STATUS, Api.ChangeKind.RESULT, Api.ChangeKind.STATUS);
        assertThat(first.changes()).extracting(Api.Change::status).containsExactly(4, 5, 4, 4, 9);
        assertThat(first.changes()).extracting(Api.Change::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(first.changes().get(1).reason()).isEqualTo("Bổ sung giấy chứng sinh bản chính");
        assertThat(first.changes().get(1).by()).isEqualTo("Chuyên viên Trần Văn B");
        assertThat(counter.changes(first.cursor()).changes()).isEmpty();
        assertThat(bystander.changes(null).changes()).isEmpty();
        // the result can be downloaded by its counter, whole and as stored even by a client that accepts gzip
        HttpResponse<byte[]> download = CounterClient.HTTP.send(counter.request("/api/v1/blobs/" + stored.sha256())
                        .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(download.body()).isEqualTo(result);
        // an illegal step is refused and adds nothing
        long changes = hub.count("select count(*) from changes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hub.hub.processing().changeStatus(code, 4, "x", null))
                .hasMessageContaining("cannot move");
        assertThat(hub.count("select count(*) from changes")).isEqualTo(changes);
        assertThat(hub.count("select count(*) from exports where service = 'CapNhatTienDoHoSoMC' and code = '" + code + "'")).isEqualTo(5);
    }

    @Test
    void revokedUnknownAndUsedCredentialsAreRefused() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy 8 - bị thu hồi");
        assertThat(counter.changes(null).changes()).isEmpty();
        hub.hub.counters().revoke("Quầy 8 - bị thu hồi", "test");
        HttpResponse<String> revoked = counter.send(counter.request("/api/v1/changes").GET().build());
        assertThat(revoked.statusCode()).isEqualTo(403);
        assertThat(revoked.body()).contains("counter_revoked");
        CounterClient stranger = new CounterClient(hub.base, "not-a-token", "x", counter.keys, null);
        assertThat(stranger.send(stranger.request("/api/v1/changes").GET().build()).statusCode()).isEqualTo(401);
        HttpResponse<String> none = CounterClient.HTTP.send(HttpRequest.newBuilder(hub.base.resolve("/api/v1/changes")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("unauthenticated");

        String code = hub.hub.counters().createEnrolmentCode("Quầy 9", "test").code();
        CounterClient.enrol(hub.base, code, "Quầy 9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CounterClient.enrol(hub.base, code, "Quầy 9"))
                .hasMessageContaining("403").hasMessageContaining("enrolment_refused");
        String forOther = hub.hub.counters().createEnrolmentCode("Quầy 10", "test").code();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CounterClient.enrol(hub.base, forOther, "Quầy 11"))
                .hasMessageContaining("enrolment_refused");
        // an expired code
        String expired = hub.hub.counters().createEnrolmentCode("Quầy 12", "test").code();
        hub.hub.database().read(c -> vn.motcua.sync.hub.store.Database.update(c,
                "update enrolment_codes set expires_at = now() - interval '1 minute' where counter_name = 'Quầy 12'"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CounterClient.enrol(hub.base, expired, "Quầy 12"))
                .hasMessageContaining("enrolment_refused");
        // re-enrolling a revoked counter gives it a new credential and keeps its identity
        String again = hub.hub.counters().createEnrolmentCode("Quầy 8 - bị thu hồi", "test").code();
        CounterClient back = CounterClient.enrol(hub.base, again, "Quầy 8 - bị thu hồi");
        assertThat(back.counterId).isEqualTo(counter.counterId);
        assertThat(counter.send(counter.request("/api/v1/changes").GET().build()).statusCode()).isEqualTo(401);
        assertThat(back.changes(null).changes()).isEmpty();
    }

    @Test
    void anUploadResumesAtTheAcknowledgedOffsetAndAKnownFileIsReported() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy 13");
        byte[] file = Dossiers.sample(Dossiers.code(5, 1), 13, 1, 300_000).files().getFirst();
        String sha = Sha256.hex(file);
        assertThat(counter.send(counter.request("/api/v1/blobs/" + sha).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(404);
        String location = counter.createUpload(sha, file.length);
        assertThat(counter.patch(location, 0, java.util.Arrays.copyOf(file, 100_000)).statusCode()).isEqualTo(204);
        // the link drops; the counter asks where to go on
        assertThat(counter.offset(location)).isEqualTo(100_000);
        HttpResponse<String> stale = counter.patch(location, 0, java.util.Arrays.copyOf(file, 10));
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> last = counter.patch(location, 100_000, java.util.Arrays.copyOfRange(file, 100_000, file.length));
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(last.headers().firstValue("Upload-Offset")).contains(Integer.toString(file.length));
        assertThat(counter.send(counter.request("/api/v1/blobs/" + sha).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(200);
        try (var in = hub.hub.uploads().open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
        assertThat(hub.count("select count(*) from upload_parts")).isZero();

        // a file sent in parts whose joined bytes do not match: 460 on the last part, nothing kept
        byte[] other = Dossiers.sample(Dossiers.code(5, 2), 14, 1, 200_000).files().getFirst();
        long blobs = hub.count("select count(*) from blobs");
        assertThat(counter.upload(other, Sha256.hex(file), 64 * 1024)).isEqualTo(460);
        assertThat(hub.count("select count(*) from blobs")).isEqualTo(blobs);
        assertThat(hub.count("select count(*) from upload_parts")).isZero();
    }

    @Test
    void aPatchCutMidBodyKeepsTheBytesThatArrived() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy cắt");
        byte[] file = Dossiers.sample(Dossiers.code(5, 3), 15, 1, 300_000).files().getFirst();
        String location = counter.createUpload(Sha256.hex(file), file.length);
        URI target = counter.base.resolve(location);
        try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nAuthorization: Bearer " + counter.token + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0"
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + file.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(file, 0, 123_457); // the link drops a third of the way through the body
            out.flush();
        }
        long offset = 0;
        for (int i = 0; i < 100 && offset == 0; i++) {   // the hub notices the cut when the socket closes
            Thread.sleep(50);
            offset = counter.offset(location);
        }
        assertThat(offset).isEqualTo(123_457);
        HttpResponse<String> rest = counter.patch(location, offset, Arrays.copyOfRange(file, (int) offset, file.length));
        assertThat(rest.statusCode()).isEqualTo(204);
        try (var in = hub.hub.uploads().open(Sha256.hex(file))) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
    }
}
