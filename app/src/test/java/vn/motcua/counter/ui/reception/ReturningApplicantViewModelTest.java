package vn.motcua.counter.ui.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.EarlierDossier;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.application.ReceptionService;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.Page;

/** A returning applicant's earlier papers and results reused in a new dossier, on a real counter, no window. */
class ReturningApplicantViewModelTest {

    private static final String RESULT = "Giấy xác nhận tình trạng hôn nhân";

    @TempDir
    Path data;

    private CounterWiring counter;
    private NewDossierViewModel form;
    private ReturningApplicantViewModel returning;
    private Dossier earlier;
    private Page resultPage;

    @BeforeEach
    void open() {
        counter = TestCounter.open(data, SaveLoopClock.DAY);
        earlier = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier();
        counter.lifecycle().process(earlier.code(), "", counter.profile());
        counter.lifecycle().resolve(earlier.code(), "", counter.profile());
        resultPage = counter.reception().storePage(TestImages.png(RESULT), Page.PageSource.SCANNED);
        counter.lifecycle().attachResult(earlier.code(), RESULT, List.of(resultPage), counter.profile());
        // someone else's dossier must not be offered
        counter.reception().receive(TestCounter.request(counter, 2), counter.profile());
        form = Forms.newDossier(counter);
        returning = new ReturningApplicantViewModel(counter.returningApplicants(), form, Forms.VI, Forms.INLINE);
    }

    @AfterEach
    void close() {
        counter.close();
    }

    @Test
    void offersTheEarlierPapersAndResultsOnceTheIdNumberIsComplete() {
        form.idNumberProperty().set("00119001234");
        assertThat(returning.earlierDossiers()).isEmpty();

        form.idNumberProperty().set("001190012345");

        // both test dossiers share the applicant; each is found once, newest first
        assertThat(returning.earlierDossiers()).hasSize(2);
        EarlierDossier first = returning.earlierDossiers().get(1);
        assertThat(first.code()).isEqualTo(earlier.code());
        assertThat(first.documents()).extracting(EarlierDossier.Reusable::name, EarlierDossier.Reusable::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(earlier.documents().get(0).component().name(), false),
                        org.assertj.core.groups.Tuple.tuple(earlier.documents().get(1).component().name(), false),
                        org.assertj.core.groups.Tuple.tuple(RESULT, true));
        assertThat(returning.messageProperty().get()).contains("2 hồ sơ trước đây");
        assertThat(form.fullNameProperty().get()).isEqualTo(TestCounter.APPLICANT_NAME);
        assertThat(form.addressProperty().get()).isEqualTo(TestCounter.applicant().address());
        assertThat(form.birthDateProperty().get()).isEqualTo("02/04/1990");
        assertThat(form.sexProperty().get()).isEqualTo(TestCounter.applicant().sex());

        form.idNumberProperty().set("001190012346");
        assertThat(returning.earlierDossiers()).isEmpty();
    }

    @Test
    void aDifferentNameIsPointedOutAndNothingIsFilledInForIt() {
        form.fullNameProperty().set("Nguyễn Văn A");
        form.idNumberProperty().set("001190012345");
        assertThat(returning.earlierDossiers()).isNotEmpty();
        assertThat(form.fullNameProperty().get()).isEqualTo("Nguyễn Văn A");
        assertThat(returning.nameWarningProperty().get()).contains("khác với hồ sơ trước", TestCounter.APPLICANT_NAME);
        assertThat(form.addressProperty().get()).as("the earlier applicant's address").isEmpty();
        assertThat(form.sexProperty().get()).as("the earlier applicant's sex").isNull();
        assertThat(form.birthDateProperty().get()).isEmpty();

        form.fullNameProperty().set("nguyen thi  hong nhung"); // the same name typed without marks
        assertThat(returning.nameWarningProperty().get()).isEmpty();
        form.idNumberProperty().set("001190012346"); // a number with no earlier dossiers
        form.fullNameProperty().set("Nguyễn Văn A");
        assertThat(returning.nameWarningProperty().get()).isEmpty();
    }

    @Test
    void theSameNameTypedFirstGetsTheBlanksFilled() {
        form.fullNameProperty().set(TestCounter.APPLICANT_NAME);
        form.addressProperty().set("Địa chỉ mới, Hà Nội");
        form.idNumberProperty().set("001190012345");
        assertThat(returning.nameWarningProperty().get()).isEmpty();
        assertThat(form.addressProperty().get()).as("typed, kept").isEqualTo("Địa chỉ mới, Hà Nội");
        assertThat(form.sexProperty().get()).isEqualTo(TestCounter.applicant().sex());
    }

    @Test
    void reusedPagesAreSavedWithTheSameContentAndTheirOriginInTheHistory() {
        form.idNumberProperty().set("001190012345");
        form.procedureProperty().set(counter.catalogue().procedure("1.004873").orElseThrow());
        EarlierDossier from = returning.earlierDossiers().get(1);
        EarlierDossier.Reusable paper = from.documents().get(0);
        EarlierDossier.Reusable result = from.documents().get(2);

        ComponentItem same = returning.matchingComponent(paper).orElseThrow();
        assertThat(same).isSameAs(form.components().get(0));
        returning.reuse(from, paper, same);
        returning.reuse(from, paper, same);
        assertThat(returning.messageProperty().get()).contains("đã được dùng lại");
        assertThat(returning.matchingComponent(result)).isEmpty(); // the clerk picks where a result goes
        returning.reuse(from, result, null);
        assertThat(returning.messageProperty().get()).isEqualTo("Hãy chọn thành phần hồ sơ để đưa giấy tờ vào.");
        returning.reuse(from, result, form.components().get(3));

        Receipt[] done = new Receipt[1];
        form.receive(r -> done[0] = r);

        Dossier saved = counter.dossiers().dossier(done[0].dossier().code()).orElseThrow();
        assertThat(saved.documents().get(0).pages()).extracting(Page::contentId)
                .containsExactly(earlier.documents().get(0).pages().getFirst().contentId());
        assertThat(saved.documents().get(3).pages()).extracting(Page::contentId)
                .containsExactly(resultPage.contentId());
        assertThat(counter.dossiers().history(saved.code()))
                .filteredOn(e -> e.kind().equals(ReceptionService.REUSE_EVENT))
                .extracting(e -> e.detail())
                .containsExactly(
                        "from=" + earlier.code().value() + " document=\"" + paper.name() + "\" into=\""
                                + same.requirement().name() + "\" pages=" + paper.pages().getFirst().contentId(),
                        "from=" + earlier.code().value() + " document=\"" + RESULT + "\" into=\""
                                + form.components().get(3).requirement().name() + "\" pages="
                                + resultPage.contentId());
    }
}
