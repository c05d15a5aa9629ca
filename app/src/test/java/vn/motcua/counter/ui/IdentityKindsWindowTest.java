package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestImages;

/**
 * Applicants who have no 12-digit personal ID number, received through the real window: an organisation by its tax
 * code (with the person who brought the dossier) and a foreigner by passport. Each reception is checked in the
 * SQLite file and in the receipt's text.
 */
class IdentityKindsWindowTest {

    private static final String COMPANY = "Công ty TNHH Hạt Điều Bình Phước";
    private static final String REPRESENTATIVE = "Lê Thị Thu Hà";
    private static final String TAX_CODE = "0100233488-001";
    private static final String FOREIGNER = "KIM MIN-JUN";

    @TempDir
    Path data;
    @TempDir
    Path images;

    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        window = CounterWindow.open(data, () -> List.of(
                Files.write(images.resolve("giay-to.png"), TestImages.png("Giấy tờ kèm theo"))));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void receivesAnOrganisationByTaxCodeAndFindsItAgainByThatCode() throws Exception {
        robot.clickOn("#newDossier");
        chooseKind("Mã số thuế (tổ chức)");
        assertThat(robot.lookup("#birthDate").queryTextInputControl().isVisible()).as("no birth date").isFalse();
        assertThat(robot.lookup("#sex").query().isVisible()).as("no sex").isFalse();
        assertThat(robot.lookup("#idCountry").query().isVisible()).isFalse();

        // the last digit mistyped: the check digit catches it while typing
        robot.clickOn("#idNumber").write("0100233480");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#idMessage").queryLabeled().getText()
                .equals("Sai chữ số kiểm tra: có thể đã gõ nhầm một chữ số."));
        robot.interact(() -> robot.lookup("#idNumber").queryTextInputControl().setText(TAX_CODE));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#idMessage").queryLabeled().getText().isEmpty());
        robot.interact(() -> {
            robot.lookup("#fullName").queryTextInputControl().setText(COMPANY);
            robot.lookup("#representative").queryTextInputControl().setText(REPRESENTATIVE);
        });
        String code = receiveWithOnePage();

        List<String> stored = applicantColumns(code);
        assertThat(stored).containsExactly(COMPANY, "TAX_CODE", TAX_CODE, "", REPRESENTATIVE, "", "",
                stored.getLast());
        assertThat(CounterWindow.storedPdfText(data, stored.getLast()))
                .contains("Tổ chức: " + COMPANY, "Mã số thuế: " + TAX_CODE, "Người đại diện: " + REPRESENTATIVE)
                .doesNotContain("Ông/Bà:", "Số định danh cá nhân");

        // the organisation comes back: its tax code alone brings up the earlier dossier and fills the form
        robot.clickOn("#newDossier");
        robot.clickOn("#procedureFilter").write("xac nhan tinh trang hon nhan").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#component-0-pages").tryQuery().isPresent());
        chooseKind("Mã số thuế (tổ chức)");
        robot.clickOn("#idNumber").write(TAX_CODE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reuse-0-0").tryQuery().isPresent());
        assertThat(robot.lookup("#fullName").queryTextInputControl().getText()).isEqualTo(COMPANY);
        assertThat(robot.lookup("#representative").queryTextInputControl().getText()).isEqualTo(REPRESENTATIVE);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void receivesAForeignerByPassport() throws Exception {
        robot.clickOn("#newDossier");
        chooseKind("Hộ chiếu (nước ngoài)");
        assertThat(robot.lookup("#representative").query().isVisible()).isFalse();
        robot.interact(() -> robot.lookup("#fullName").queryTextInputControl().setText(FOREIGNER));
        robot.clickOn("#idNumber").write("M12345678");
        // a passport is read with its issuing country, which is still missing
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#idMessage").queryLabeled().getText()
                .equals("Cần ghi nước cấp hộ chiếu (mã 3 chữ cái, ví dụ VNM)."));
        robot.clickOn("#idCountry").write("kor");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#idMessage").queryLabeled().getText().isEmpty());
        robot.clickOn("#birthDate").write("07/09/1988");
        String code = receiveWithOnePage();

        List<String> stored = applicantColumns(code);
        assertThat(stored).containsExactly(FOREIGNER, "PASSPORT", "M12345678", "KOR", "", "1988-09-07", "",
                stored.getLast());
        assertThat(CounterWindow.storedPdfText(data, stored.getLast()))
                .contains("Ông/Bà: " + FOREIGNER, "Số hộ chiếu: M12345678, nước cấp: KOR")
                .doesNotContain("Số định danh cá nhân");
    }

    private void chooseKind(String label) {
        robot.clickOn("#idKind");
        robot.clickOn(label);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses the marital-status procedure, imports one page into its first component and receives. */
    private String receiveWithOnePage() throws Exception {
        robot.clickOn("#procedureFilter").write("xac nhan tinh trang hon nhan").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#component-0-import").tryQuery().isPresent());
        robot.clickOn("#component-0-import");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#component-0-pages").queryLabeled().getText().endsWith("1 trang")
                        && !robot.lookup("#receive").queryButton().isDisabled());
        robot.clickOn("#receive");
        return CounterWindow.receivedCode(robot);
    }

    /** The applicant's columns of the dossier's row in the SQLite file (NULL as ""), then its receipt's content id. */
    private List<String> applicantColumns(String code) throws Exception {
        try (Connection db = SqlRows.open(data)) {
            List<List<String>> rows = SqlRows.rows(db, """
                    SELECT applicant_name, applicant_id_kind, applicant_id_number, applicant_id_country,
                           applicant_representative, applicant_birth_date, applicant_sex, receipt_content_id
                    FROM dossiers WHERE code = ?""", code);
            assertThat(rows).as("dossier " + code + " is stored").hasSize(1);
            List<String> row = new java.util.ArrayList<>(rows.getFirst());
            for (int i : new int[] {0, 2, 4, 5}) {   // sealed in the file (decision 1201): compared opened
                String[] names = {"applicant_name", "", "applicant_id_number", "", "applicant_representative",
                        "applicant_birth_date"};
                assertThat(row.get(i)).as("sealed in the file").satisfiesAnyOf(v -> assertThat(v).isEmpty(),
                        v -> assertThat(v).startsWith("~1"));
                row.set(i, row.get(i).isEmpty() ? "" : vn.motcua.counter.TestCounter.opened(data, names[i], row.get(i)));
            }
            return row;
        }
    }
}
