package vn.motcua.sync.wire;

import java.time.OffsetDateTime;
import java.util.List;

/** A realistic manifest to vary in tests. */
final class Samples {
    static final String PAGE_1 = "a".repeat(64);
    static final String PAGE_2 = "b".repeat(64);
    static final String RECEIPT = "c".repeat(64);

    private Samples() {
    }

    static DossierManifest manifest() {
        OffsetDateTime received = OffsetDateTime.parse("2026-12-04T09:30:00+07:00");
        return new DossierManifest("000.00.15.H42-261204-0001", 1, "000.00.15.H42",
                new DossierManifest.Procedure("1.001612", "Đăng ký khai sinh", "HT", "Hộ tịch"),
                new DossierManifest.Applicant(DossierManifest.IdKind.PERSONAL_ID, "001190012345", "Nguyễn Thị Lan",
                        "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội", "0912345678", "lan@example.vn", null, null),
                "Đăng ký khai sinh cho con", received, received.plusDays(3), null, 2, 1,
                List.of(new DossierManifest.Component("TP1", "Tờ khai đăng ký khai sinh", 1, 0, 0, List.of(
                        new FileRef(PAGE_1, 180_000, "to-khai-1.jpg", FileRef.Kind.SCAN_PAGE),
                        new FileRef(PAGE_2, 175_000, "to-khai-2.jpg", FileRef.Kind.SCAN_PAGE)))),
                List.of(new FileRef(RECEIPT, 40_000, "giay-tiep-nhan.pdf", FileRef.Kind.RECEIPT)),
                List.of(new DossierManifest.Event(received, "RECEIVED", 2, "Cán bộ tiếp nhận", null)));
    }

    static String json() {
        return new String(WireJson.write(manifest()), java.nio.charset.StandardCharsets.UTF_8);
    }
}
