package vn.motcua.sync.hub.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dossier's status (TrangThaiHoSo) as the processing department moves it on the hub. The counter receives
 * (1–3); the department takes it from there (4–10). The transitions are the counter's own rules for these steps
 * (app's {@code Status}), kept here because the hub must not depend on the counter application.
 */
public enum DossierStatus {
    REGISTERED(1, "Mới đăng ký"),
    RECEIVED(2, "Được tiếp nhận"),
    NOT_RECEIVED(3, "Không được tiếp nhận"),
    PROCESSING(4, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ"),
    PAYMENT_REQUESTED(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    WITHDRAWAL_REQUESTED(7, "Công dân yêu cầu rút hồ sơ"),
    STOPPED(8, "Dừng xử lý"),
    RESOLVED(9, "Đã xử lý xong"),
    RETURNED(10, "Đã trả kết quả");

    private static final Map<DossierStatus, Set<DossierStatus>> NEXT = Map.of(
            RECEIVED, EnumSet.of(PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED, WITHDRAWAL_REQUESTED, STOPPED, RESOLVED),
            PROCESSING, EnumSet.of(SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED, WITHDRAWAL_REQUESTED, STOPPED, RESOLVED),
            SUPPLEMENT_REQUESTED, EnumSet.of(PROCESSING, WITHDRAWAL_REQUESTED, STOPPED),
            PAYMENT_REQUESTED, EnumSet.of(PROCESSING, WITHDRAWAL_REQUESTED, STOPPED, RESOLVED),
            WITHDRAWAL_REQUESTED, EnumSet.of(STOPPED),
            RESOLVED, EnumSet.of(RETURNED));

    private final int code;
    private final String label;

    DossierStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The portal's Vietnamese name, shown on the page. */
    public String label() {
        return label;
    }

    public static Optional<DossierStatus> of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }

    /** The statuses the department may move this one to. */
    public Set<DossierStatus> next() {
        return NEXT.getOrDefault(this, EnumSet.noneOf(DossierStatus.class));
    }

    public boolean canMoveTo(DossierStatus to) {
        return next().contains(to);
    }

    /** A supplement request, a payment request, a withdrawal or a stop must say why (forms 02, 05). */
    public boolean needsReason() {
        return this == SUPPLEMENT_REQUESTED || this == PAYMENT_REQUESTED || this == WITHDRAWAL_REQUESTED || this == STOPPED;
    }
}
