package vn.motcua.sync.hub.support;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Sha256;

/** Realistic dossiers with real file bytes, made from a seed. */
public final class Dossiers {
    private Dossiers() {
    }

    /** A dossier and the bytes of each of its files. */
    public record Sample(DossierManifest manifest, List<byte[]> files) {
        public Sample revised(int revision, int status) {
            DossierManifest m = manifest;
            List<DossierManifest.Event> events = new ArrayList<>(m.events());
            events.add(new DossierManifest.Event(m.receivedAt().plusHours(revision), "STATUS_CHANGED", status, "Cán bộ tiếp nhận", null));
            return new Sample(new DossierManifest(m.code(), revision, m.agencyCode(), m.procedure(), m.applicant(), m.summary(),
                    m.receivedAt(), m.appointmentAt(), m.returnedAt(), status, m.channel(), m.components(), m.documents(), events), files);
        }
    }

    public static String code(int day, int number) {
        return "000.00.15.H42-2612%02d-%04d".formatted(day, number);
    }

    public static Sample sample(String code, long seed, int pages, int pageBytes) {
        Random random = new Random(seed);
        List<byte[]> files = new ArrayList<>();
        List<FileRef> refs = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            byte[] page = new byte[pageBytes];
            random.nextBytes(page);
            files.add(page);
            refs.add(new FileRef(Sha256.hex(page), page.length, "trang-" + (i + 1) + ".jpg", FileRef.Kind.SCAN_PAGE));
        }
        OffsetDateTime received = OffsetDateTime.parse("2026-12-04T09:30:00+07:00").plusMinutes(seed % 600);
        DossierManifest m = new DossierManifest(code, 1, "000.00.15.H42",
                new DossierManifest.Procedure("1.001612", "Đăng ký khai sinh", "HT", "Hộ tịch"),
                new DossierManifest.Applicant(DossierManifest.IdKind.PERSONAL_ID, "00119001" + (1000 + seed % 9000),
                        "Nguyễn Thị Lan", "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội", "0912345678", null, null, null),
                "Đăng ký khai sinh cho con", received, received.plusDays(3), null, 2, 1,
                List.of(new DossierManifest.Component("TP1", "Tờ khai đăng ký khai sinh", 1, 0, 0, refs)), List.of(),
                List.of(new DossierManifest.Event(received, "RECEIVED", 2, "Cán bộ tiếp nhận", null)));
        return new Sample(m, files);
    }
}
