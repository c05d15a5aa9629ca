package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.adapters.signing.SigningPeers;
import vn.motcua.counter.adapters.signing.TestCopies;
import vn.motcua.counter.adapters.signing.TestPki;
import vn.motcua.counter.adapters.signing.TestPkiServer;

/**
 * {@code motcua sign} and {@code motcua verify} end to end: a batch signed with one PIN from the environment, then
 * every kind of tampering caught by verify with its own exit code and message.
 */
class SignVerifyCommandTest {

    @TempDir
    static Path dir;
    static SigningPeers peers;
    static TestPkiServer server;
    static TestPki pki;
    static Path p12;
    static Path root;
    static Path signed;

    @BeforeAll
    static void signABatch() throws Exception {
        peers = SigningPeers.start(dir);
        server = peers.server;
        pki = peers.pki;
        p12 = peers.p12;
        root = TestPki.writePem(dir.resolve("root.pem"), pki.root.certificate());
        Path in1 = Files.write(dir.resolve("khai-sinh.pdf"), TestCopies.copy(2));
        Path in2 = Files.write(dir.resolve("cccd.pdf"), TestCopies.copy(1));
        Path out = dir.resolve("da-ky");
        System.setProperty("motcua.signing.tsa.url", server.tsaUrl());
        try {
            CliRun run = CliRun.motcua(dir.resolve("data"), "sign", "--key", p12.toString(), "--pin-env",
                    "MOTCUA_TEST_PIN", "--out", out.toString(), in1.toString(), in2.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Đã ký", "PAdES-B-LT", "Đã ký 2/2 bản.");
        } finally {
            System.clearProperty("motcua.signing.tsa.url");
        }
        signed = out.resolve("khai-sinh.pdf");
        assertThat(out.resolve("cccd.pdf")).exists();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("khai-sinh.pdf", "cccd.pdf");
        }
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    private static CliRun verify(Path file, String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "verify";
        args[1] = file.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return CliRun.motcua(dir.resolve("data"), args);
    }

    @Test
    void aSignedCopyIsValidAndTrusted() throws Exception {
        CliRun run = verify(signed, "--trust", root.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Chữ ký hợp lệ", "PAdES-B-LT", "UBND phường Bến Nghé (thử nghiệm)",
                "chưa bị thu hồi", "bổ sung dữ liệu kiểm tra dài hạn (được phép)");

        CliRun asJson = verify(signed, "--trust", root.toString(), "--json");
        var tree = new ObjectMapper().readTree(asJson.out());
        assertThat(tree.get("outcome").asText()).isEqualTo("VALID");
        assertThat(tree.get("exitCode").asInt()).isZero();
        assertThat(tree.at("/verdict/signatures/0/level").asText()).isEqualTo("B_LT");
    }

    @Test
    void withoutTheRootInTheTrustStoreItIsUntrusted() {
        CliRun run = verify(signed);
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.out()).contains("không do tổ chức chứng thực tin cậy cấp");
    }

    @Test
    void aFlippedByteIsCaught() throws Exception {
        byte[] bytes = Files.readAllBytes(signed);
        bytes[bytes.length / 4] ^= 0x01;   // inside the first page's image, long before the signature
        CliRun run = verify(Files.write(dir.resolve("flipped.pdf"), bytes), "--trust", root.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("đã bị sửa sau khi ký");
    }

    @Test
    void anAppendedUpdateIsCaught() throws Exception {
        byte[] appended = incremental(Files.readAllBytes(signed), doc -> {
            PDPage page = doc.getPage(0);
            PDAnnotationText note = new PDAnnotationText();
            note.setContents("Đã duyệt");
            note.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(100, 100, 20, 20));
            page.getAnnotations().add(note);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
        CliRun run = verify(Files.write(dir.resolve("appended.pdf"), appended), "--trust", root.toString());
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).contains("THAY ĐỔI NỘI DUNG", "annotation on page 1");
    }

    @Test
    void aSwappedPageIsCaught() throws Exception {
        byte[] swapped = incremental(Files.readAllBytes(signed), doc -> {
            PDPageTree pages = doc.getPages();
            PDPage first = pages.get(0);
            pages.remove(0);
            pages.add(first);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            pages.getCOSObject().setNeedToBeUpdated(true);
        });
        CliRun run = verify(Files.write(dir.resolve("swapped.pdf"), swapped), "--trust", root.toString());
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).contains("page 1", "page 2");
    }

    @Test
    void aRevokedSignerIsCaughtOnline() throws Exception {
        TestPki other = new TestPki(server.base(), "Cán bộ đã nghỉ việc");
        server.serve(other);
        try {
            Path key = other.writePkcs12(dir.resolve("revoked.p12"), "123456".toCharArray());
            Path out = dir.resolve("revoked.pdf");
            assertThat(CliRun.motcua(dir.resolve("data"), "sign", "--key", key.toString(), "--pin-env",
                    "MOTCUA_TEST_PIN", "--level", "B-B", "--out", out.toString(),
                    Files.write(dir.resolve("revoked-in.pdf"), TestCopies.copy(1)).toString()).exitCode()).isZero();
            Path otherRoot = TestPki.writePem(dir.resolve("other-root.pem"), other.root.certificate());
            assertThat(verify(out, "--trust", otherRoot.toString()).exitCode()).isZero();
            other.revoke(other.signer.certificate());
            CliRun run = verify(out, "--trust", otherRoot.toString());
            assertThat(run.exitCode()).isEqualTo(8);
            assertThat(run.out()).contains("đã bị thu hồi", "ĐÃ BỊ THU HỒI (tra cứu trực tuyến)");
        } finally {
            server.serve(pki);
        }
    }

    @Test
    void unsignedAndDamagedFilesHaveTheirOwnCodes() throws Exception {
        assertThat(verify(Files.write(dir.resolve("plain.pdf"), TestCopies.copy(1))).exitCode()).isEqualTo(3);
        CliRun damaged = verify(Files.write(dir.resolve("damaged.pdf"), "not a pdf".getBytes()));
        assertThat(damaged.exitCode()).isEqualTo(10);
        assertThat(damaged.out()).contains("Tệp bị hỏng hoặc không phải PDF");
    }

    @Test
    void aWrongPinSignsNothing() throws Exception {
        Path out = dir.resolve("wrong-pin");
        CliRun run = CliRun.motcua(dir.resolve("data"), "sign", "--key", p12.toString(), "--pin-env", "HOME",
                "--out", out.toString(), Files.write(dir.resolve("x.pdf"), TestCopies.copy(1)).toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Mã PIN không đúng");
        assertThat(out).doesNotExist();
    }

    interface Change {
        void apply(PDDocument doc) throws Exception;
    }

    /** An incremental update of {@code pdf}, as a forger who knows PDF would append one. */
    static byte[] incremental(byte[] pdf, Change change) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            change.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            byte[] update = out.toByteArray();
            assertThat(update.length).isGreaterThan(pdf.length);
            return update;
        }
    }
}
