package vn.motcua.counter.adapters.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.InvalidFileException;
import vn.motcua.counter.application.port.CatalogueImport;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.i18n.Messages;

/** Catalogue files read whole or refused whole, imported as versions into a real counter. */
class CatalogueImportTest {

    private static final String HEADER = "code,name_vi,field,processing_time,component,ban_chinh,ban_sao,note\n";

    @TempDir
    Path data;
    @TempDir
    Path files;

    private CounterWiring counter;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
    }

    @AfterEach
    void close() {
        counter.close();
    }

    @Test
    void theCsvShapeReadsLikeTheJsonSample() throws Exception {
        List<Procedure> fromJson;
        try (InputStream json = getClass().getResourceAsStream("/catalogue/procedures-sample.json")) {
            fromJson = new JsonCatalogueReader().read(json, "procedures-sample.json");
        }
        Path csv = Path.of(getClass().getResource("procedures-sample.csv").toURI());
        List<Procedure> fromCsv = CatalogueFiles.read(csv);
        assertThat(fromCsv).hasSize(13).isEqualTo(fromJson);
        assertThat(fromCsv).filteredOn(p -> p.code().equals("1.004873")).singleElement()
                .satisfies(p -> assertThat(p.components()).hasSize(5));
    }

    @Test
    void aCsvWithProblemsIsRefusedWholeWithEveryLine() throws Exception {
        Path csv = Files.writeString(files.resolve("tinh.csv"), HEADER
                + "1.000001,Thủ tục một,Hộ tịch,03 ngày làm việc,Tờ khai,1,0,\n"
                + ",,,,Bản sao giấy tờ,x,1,\n"                        // line 3: count is not a number
                + "1.000002,,Hộ tịch,,Tờ khai,1,0,\n"                  // line 4: no name
                + "\"1.000003\",\"Thủ tục, có dấu phẩy\",Chứng thực,,\"Giấy\n"
                + "hai dòng\",1,0,\n"                                  // lines 5-6: fine, quoted line break
                + "1.000001,Trùng mã,Hộ tịch,,Tờ khai,1,0,\n"           // line 7: duplicate of record 1
                + "ABC,Mã sai,Hộ tịch,,Tờ khai,1,0,\n");               // line 8: bad code
        int before = counter.catalogue().procedures().size();
        assertThatThrownBy(() -> CatalogueFiles.read(csv))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.problems())
                        .extracting(InvalidFileException.Problem::line, InvalidFileException.Problem::messageKey)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(3, "file.problem.not_a_number"),
                                org.assertj.core.groups.Tuple.tuple(4, "file.problem.missing"),
                                org.assertj.core.groups.Tuple.tuple(7, "file.problem.duplicate_code"),
                                org.assertj.core.groups.Tuple.tuple(8, "file.problem.bad_procedure_code")));
        assertThat(counter.catalogue().procedures()).hasSize(before);
    }

    @Test
    void jsonProblemsCarryRecordAndLine() throws Exception {
        String json = """
                {"dataset": "x", "procedures": [
                  {"code": "1.000001", "name_vi": "Một", "components": []},
                  {"code": "1.000002",
                   "components": [{"name": "Tờ khai", "ban_chinh": -1}]}
                ]}""";
        assertThatThrownBy(() -> new JsonCatalogueReader().read(
                new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t.json"))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidFileException.Problem::record).containsOnly(2);
                    assertThat(e.problems()).extracting(InvalidFileException.Problem::line).containsOnly(3);
                    String text = Messages.of(Locale.forLanguageTag("vi-VN")).describe(e);
                    assertThat(text).contains("t.json", "2 lỗi", "dòng 3: số bản của \"Tờ khai\" không được âm",
                            "dòng 3: thiếu name_vi");
                });
    }

    /** Seen: the parser's internals ("Source: REDACTED (StreamReadFeature…)"), always line 1, no record number. */
    @Test
    void aJsonSyntaxErrorIsToldByLineColumnAndRecordInTheClerksWords() throws Exception {
        Path json = Files.writeString(files.resolve("loi.json"), """
                {"procedures": [
                  {"code": "1.000001", "name_vi": "Một", "components": []},
                  {"code": "1.000002", "name_vi": "Hai" "components": []}
                ]}""");
        assertThatThrownBy(() -> CatalogueFiles.read(json)).isInstanceOfSatisfying(
                vn.motcua.counter.application.CounterException.class, e -> {
                    String text = Messages.of(Locale.forLanguageTag("vi-VN")).describe(e);
                    assertThat(text).isEqualTo("Tệp loi.json không phải JSON hợp lệ: lỗi cú pháp ở dòng 3, cột 41 "
                            + "(bản ghi thủ tục thứ 2).");
                });
    }

    /** Invalid UTF-8 in JSON gets the message CSV gets, not the parser's. */
    @Test
    void aJsonInALegacyCodePageGetsTheUtf8Message() throws Exception {
        Path json = Files.write(files.resolve("tcvn.json"),
                "{\"procedures\": [{\"code\": \"1.000001\", \"name_vi\": \"Khai sinh \u00e1\"}]}"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CatalogueFiles.read(json)).isInstanceOfSatisfying(
                vn.motcua.counter.application.CounterException.class,
                e -> assertThat(e.messageKey()).isEqualTo("file.not_utf8"));
    }

    @Test
    void aChangedDefinitionIsANewVersionAndReceivedDossiersKeepTheirs() {
        var received = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        Procedure v1 = counter.catalogue().procedure("1.004873").orElseThrow();
        Procedure v2 = new Procedure(v1.code(), v1.name() + " (sửa đổi 2026)", v1.field(), v1.processingTime(),
                v1.components().subList(0, 3));

        CatalogueImport first = counter.catalogue().importProcedures(List.of(v2), "tinh-2026.json");
        CatalogueImport again = counter.catalogue().importProcedures(List.of(v2), "tinh-2026.json");

        assertThat(first.changed()).containsExactly("1.004873");
        assertThat(again.changed()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(counter.catalogue().currentVersion("1.004873")).hasValue(2);
        assertThat(counter.catalogue().procedure("1.004873")).contains(v2);
        assertThat(counter.catalogue().procedure("1.004873", 1)).contains(v1);
        assertThat(counter.dossierQueries().procedureVersion(received.dossier().code())).hasValue(1);

        var later = counter.reception().receive(TestCounter.request(counter, 2), counter.profile());
        assertThat(counter.dossierQueries().procedureVersion(later.dossier().code())).hasValue(2);
    }

    @Test
    void searchesByCodeNameAndFieldWithoutDiacritics() {
        assertThat(counter.catalogue().search("xac nhan tinh trang hon nhan")).extracting(Procedure::code)
                .containsExactly("1.004873");
        assertThat(counter.catalogue().search("1.001193")).extracting(Procedure::name)
                .containsExactly("Thủ tục đăng ký khai sinh");
        assertThat(counter.catalogue().search("chung thuc")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.field() + p.name()).containsIgnoringCase("chứng thực"));
        // "tu" is also in "thủ tục": the phrase match comes first
        assertThat(counter.catalogue().search("ĐĂNG KÝ KHAI TU")).extracting(Procedure::name)
                .first().isEqualTo("Thủ tục đăng ký khai tử");
    }
}
