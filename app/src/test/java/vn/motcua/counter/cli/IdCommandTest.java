package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IdCommandTest {

    @Test
    void aValidNumberExitsZeroAndIsShownMasked() {
        CliRun run = CliRun.of(new IdCommand(), "check", "001085012345");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Hợp lệ: 001******345").contains("Hà Nội").contains("nam").contains("1985");
        assertThat(run.out()).doesNotContain("001085012345");
    }

    @Test
    void anInvalidNumberExitsOneWithTheReasonInVietnamese() {
        CliRun run = CliRun.of(new IdCommand(), "check", "00108501234");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Không hợp lệ").contains("phải có đúng 12 chữ số");
    }

    @Test
    void statedBirthDateAndSexAreComparedWithTheNumber() {
        CliRun run = CliRun.of(new IdCommand(), "check", "001085012345", "--birth-date", "1986-03-14", "--sex", "nu");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Năm sinh không khớp").contains("Giới tính không khớp");
        assertThat(CliRun.of(new IdCommand(), "check", "001085012345", "--birth-date", "1985-03-14", "--sex", "nam").exitCode()).isZero();
    }

    @Test
    void anImpossibleBirthDateGetsTheFormsMessage() {
        CliRun run = CliRun.of(new IdCommand(), "check", "001090012345", "--birth-date", "1990-02-31");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(vn.motcua.counter.i18n.Messages.of(java.util.Locale.forLanguageTag("vi-VN"))
                        .text("birthdate.problem.no_such_date", "1990-02-31"))
                .doesNotContain("java.time");
    }

    @Test
    void aNumberBornAfterThisYearIsInvalid() {
        CliRun run = CliRun.of(new IdCommand(), "check", "001299012345");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Không hợp lệ").contains("ở sau năm nay");
    }

    @Test
    void jsonCarriesKeysAndMessages() throws Exception {
        CliRun run = CliRun.of(new IdCommand(), "check", "999085012345", "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems").get(0).get("key").asText()).isEqualTo("id.problem.unknown_province");
        assertThat(json.get("number").asText()).isEqualTo("999******345");
    }

    @Test
    void taxCodesAndPassportsToo() {
        assertThat(CliRun.of(new IdCommand(), "check", "--kind", "mst", "0100109106").exitCode()).isZero();
        CliRun typo = CliRun.of(new IdCommand(), "check", "--kind", "mst", "0100109107");
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.out()).contains("chữ số kiểm tra");
        assertThat(CliRun.of(new IdCommand(), "check", "--kind", "passport", "C1234567").exitCode()).isZero();
        assertThat(CliRun.of(new IdCommand(), "check", "--kind", "passport", "--country", "JPN", "TZ12").exitCode()).isEqualTo(1);
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun run = CliRun.of(new IdCommand(), "check", "001085012345", "--sex", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--sex phải là nam hoặc nu");
        assertThat(CliRun.of(new IdCommand()).exitCode()).isEqualTo(2);
    }
}
