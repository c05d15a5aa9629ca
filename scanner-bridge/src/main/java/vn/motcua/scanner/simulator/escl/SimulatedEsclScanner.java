package vn.motcua.scanner.simulator.escl;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.Side;
import vn.motcua.scanner.simulator.demo.DemoPages;

/**
 * The device behind the simulator's HTTP front: one job at a time, a feeder refilled for each job, jams and
 * "not ready yet" on demand. Answers are plain values so the HTTP layer stays thin.
 */
final class SimulatedEsclScanner {

    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer xml(String xml) {
            return new Answer(200, "text/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Answer status(int status) {
            return new Answer(status, "text/plain", new byte[0], Map.of());
        }
    }

    private final String uuid = UUID.randomUUID().toString();
    private final Map<String, SimulatedJob> jobs = new LinkedHashMap<>();
    private volatile EsclSimulatorConfig config;
    private boolean jammed;
    private SimulatedJob lastJob;

    SimulatedEsclScanner(EsclSimulatorConfig config) {
        this.config = config;
    }

    void setConfig(EsclSimulatorConfig config) {
        this.config = config;
    }

    Answer capabilities() {
        return Answer.xml(SimulatorDocuments.capabilities(uuid, config.duplex()));
    }

    synchronized Answer status() {
        boolean busy = jobs.values().stream().anyMatch(job -> job.state.equals("Processing"));
        return Answer.xml(SimulatorDocuments.status(busy ? "Processing" : "Idle", adfState(),
                new ArrayList<>(jobs.values())));
    }

    private String adfState() {
        if (jammed) {
            return "ScannerAdfJam";
        }
        int sheetsLeft = config.sheetsInFeeder();
        if (lastJob != null && lastJob.feeder) {
            sheetsLeft -= lastJob.duplex ? (lastJob.delivered + 1) / 2 : lastJob.delivered;
        }
        return sheetsLeft > 0 ? "ScannerAdfLoaded" : "ScannerAdfEmpty";
    }

    synchronized Answer createJob(byte[] settingsXml) {
        if (jobs.values().stream().anyMatch(job -> job.state.equals("Processing"))) {
            return Answer.status(503);
        }
        SimulatedJob job;
        try {
            job = SimulatedJob.from(UUID.randomUUID().toString(), settingsXml, config);
        } catch (Exception e) {
            return Answer.status(400);
        }
        jammed = false;
        lastJob = null;
        if (job.feeder && job.totalPages == 0) {
            return Answer.status(409);
        }
        jobs.put(job.uuid, job);
        lastJob = job;
        // Keep the status document short: real devices forget old jobs too.
        while (jobs.size() > 10) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        return new Answer(201, "text/plain", new byte[0], Map.of("Location", "/eSCL/ScanJobs/" + job.uuid));
    }

    Answer nextDocument(String jobId) throws IOException, InterruptedException {
        SimulatedJob job;
        int pageNumber;
        synchronized (this) {
            job = jobs.get(jobId);
            if (job == null || !job.state.equals("Processing")) {
                return Answer.status(404);
            }
            if (job.notReadyLeft > 0) {
                job.notReadyLeft--;
                return new Answer(503, "text/plain", new byte[0], Map.of("Retry-After", "0"));
            }
            pageNumber = job.delivered + 1;
            if (job.feeder && pageNumber == config.jamAtPage()) {
                job.state = "Aborted";
                job.reasons = List.of("AbortedBySystem", "MediaJam");
                jammed = true;
                return Answer.status(404);
            }
            if (pageNumber > job.totalPages) {
                finish(job);
                return Answer.status(404);
            }
        }
        Thread.sleep(config.pageDelay());
        byte[] image = render(job, pageNumber);
        synchronized (this) {
            if (!job.state.equals("Processing")) {
                return Answer.status(404);
            }
            job.delivered = pageNumber;
            job.notReadyLeft = config.notReadyPerPage();
            if (job.delivered == job.totalPages) {
                finish(job);
            }
        }
        return new Answer(200, job.format, image, Map.of());
    }

    private static void finish(SimulatedJob job) {
        job.state = "Completed";
        job.reasons = List.of("JobCompletedSuccessfully");
    }

    synchronized Answer cancel(String jobId) {
        SimulatedJob job = jobs.get(jobId);
        if (job == null) {
            return Answer.status(404);
        }
        if (job.state.equals("Processing")) {
            job.state = "Canceled";
            job.reasons = List.of("JobCanceledByUser");
        }
        return Answer.status(200);
    }

    private static byte[] render(SimulatedJob job, int pageNumber) throws IOException {
        PaperSource source = job.duplex ? PaperSource.DUPLEX : PaperSource.FEEDER;
        int sheet = source.sheetOf(pageNumber);
        Side side = source.sideOf(pageNumber);
        PaperSize region = new PaperSize("region", job.widthUnits * 25.4 / 300, job.heightUnits * 25.4 / 300);
        BufferedImage page = DemoPages.render(sheet, side, job.dpi, region, job.colorMode);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        String format = job.format.equals("image/png") ? "png" : "jpeg";
        if (!ImageIO.write(page, format, out)) {
            throw new IOException("no ImageIO writer for " + format + " " + page.getType());
        }
        return out.toByteArray();
    }
}
