package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.Dossier;

/** A returning applicant on the real window: the ID number brings up the earlier dossier, whose page is reused. */
class ReturningApplicantWindowTest {

    @TempDir
    Path data;

    private CounterWindow window;
    private CounterApplication application;
    private Dossier earlier;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, Clock.systemDefaultZone())) {
            earlier = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier();
        }
        window = CounterWindow.open(data, List::of);
        application = window.application();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void reusesAnEarlierPageWithoutScanning() throws Exception {
        robot.clickOn("#newDossier");
        robot.clickOn("#procedureFilter").write("xac nhan tinh trang hon nhan").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#component-0-pages").tryQuery().isPresent());
        robot.clickOn("#idNumber").write("001190012345");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reuse-0-0").tryQuery().isPresent());
        assertThat(robot.lookup("#fullName").queryTextInputControl().getText()).isEqualTo(TestCounter.APPLICANT_NAME);

        robot.clickOn("#reuse-0-0");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#component-0-pages").queryAs(Label.class).getText().endsWith("1 trang"));
        robot.clickOn("#receive");
        CounterWindow.receivedCode(robot);

        assertThat(newDossierContentIds())
                .containsExactly(earlier.documents().getFirst().pages().getFirst().contentId());
    }

    private List<String> newDossierContentIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CounterWiring.DATABASE_FILE));
             PreparedStatement st = db.prepareStatement("""
                     SELECT p.content_id FROM pages p JOIN components c ON c.id = p.component_id
                     JOIN dossiers d ON d.id = c.dossier_id WHERE d.code <> ? ORDER BY c.position, p.position""")) {
            st.setString(1, earlier.code().value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
