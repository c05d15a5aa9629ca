package vn.motcua.counter.demo;

import java.nio.file.Path;
import java.util.List;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.Sex;

/**
 * Fills a data folder with a few dossiers received today, through the real services, for screenshots and demos
 * (docs/screenshots/take.sh). Not a test.
 */
public final class DemoDossiers {

    private DemoDossiers() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.of(java.util.Map.of(Settings.DATA_DIR, Path.of(args[0]).toString(),
                Settings.CLERK_NAME, "Trần Văn Bình"));
        try (CounterWiring counter = CounterWiring.open(settings, CounterConfiguration.VIETNAM_TIME)) {
            var returned = receive(counter, "1.001193", "Phạm Minh Đức", "001095004512", Sex.MALE);
            // one result already returned, with the citizen's rating, so the report has satisfaction figures
            counter.lifecycle().process(returned, "", counter.profile());
            counter.lifecycle().resolve(returned, "", counter.profile());
            counter.lifecycle().attachResult(returned, "Giấy khai sinh", List.of(counter.reception().storePage(
                    TestImages.png("Giấy khai sinh"), Page.PageSource.SCANNED)), counter.profile());
            counter.lifecycle().returnResult(returned, 1, counter.profile());
            receive(counter, "1.004873", "Nguyễn Thị Hồng Nhung", "001190012345", Sex.FEMALE);
            receive(counter, "2.000815", "Lê Văn Tám", "036088001234", Sex.MALE);
            receive(counter, "1.000656", "Hoàng Thị Lan", "038186009876", Sex.FEMALE);
        }
    }

    private static vn.motcua.counter.domain.DossierCode receive(CounterWiring counter, String procedureCode,
                                                                String name, String id, Sex sex) throws Exception {
        Procedure procedure = counter.catalogue().procedure(procedureCode).orElseThrow();
        List<Document> documents = procedure.components().stream().limit(2)
                .map(c -> new Document(c, List.of(counter.reception().storePage(TestImages.png(c.name()),
                        Page.PageSource.IMPORTED))))
                .toList();
        Applicant applicant = new Applicant(name, PersonalIdNumber.parse(id), null, sex, null, null, null);
        return counter.reception().receive(new ReceptionRequest(applicant, procedure,
                procedure.processingTime() == null ? vn.motcua.counter.domain.ProcessingTime.ofWorkingDays(5)
                        : procedure.processingTime(), documents), counter.profile()).dossier().code();
    }
}
