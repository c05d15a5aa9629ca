package vn.motcua.scanner.escl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A {@code ScannerStatus} document: the device state (Idle, Processing, Stopped, Down), the feeder state
 * (ScannerAdfLoaded, ScannerAdfEmpty, ScannerAdfJam, ScannerAdfDoorOpen, ...) and the jobs it knows.
 */
record EsclStatus(String state, String adfState, List<Job> jobs) {

    record Job(String uri, String uuid, String state, List<String> reasons) {
    }

    static EsclStatus parse(byte[] xml) throws Exception {
        Document document = EsclXml.parse(xml);
        Element root = EsclXml.first(document, "ScannerStatus")
                .orElseThrow(() -> new IllegalArgumentException("not a ScannerStatus document"));
        List<Job> jobs = new ArrayList<>();
        for (Element info : EsclXml.all(root, "JobInfo")) {
            List<String> reasons = EsclXml.all(info, "JobStateReason").stream()
                    .map(reason -> reason.getTextContent().strip()).toList();
            jobs.add(new Job(EsclXml.text(info, "JobUri").orElse(""), EsclXml.text(info, "JobUuid").orElse(""),
                    EsclXml.text(info, "JobState").orElse(""), reasons));
        }
        // pwg:State directly under the root; JobState elements are named differently, so "first" is the device's.
        return new EsclStatus(EsclXml.text(root, "State").orElse(""), EsclXml.text(root, "AdfState").orElse(""),
                jobs);
    }

    /** The job whose URI path ends like ours (devices answer with absolute or relative URIs). */
    Optional<Job> job(String jobPath) {
        String id = jobPath.substring(jobPath.lastIndexOf('/') + 1);
        return jobs.stream().filter(job -> job.uri().endsWith("/" + id) || job.uuid().equals(id)).findFirst();
    }
}
