package vn.motcua.counter.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A dossier's status (TrangThaiHoSo) with the numeric codes the National Public Service Portal uses, and the
 * transitions a counter may make between them.
 */
public enum Status {
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

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            REGISTERED, EnumSet.of(RECEIVED, NOT_RECEIVED, SUPPLEMENT_REQUESTED, WITHDRAWAL_REQUESTED),
            RECEIVED, EnumSet.of(PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED, WITHDRAWAL_REQUESTED, STOPPED, RESOLVED),
            NOT_RECEIVED, EnumSet.noneOf(Status.class),
            PROCESSING, EnumSet.of(SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED, WITHDRAWAL_REQUESTED, STOPPED, RESOLVED),
            SUPPLEMENT_REQUESTED, EnumSet.of(PROCESSING, WITHDRAWAL_REQUESTED, STOPPED),
            PAYMENT_REQUESTED, EnumSet.of(PROCESSING, WITHDRAWAL_REQUESTED, STOPPED, RESOLVED),
            WITHDRAWAL_REQUESTED, EnumSet.of(STOPPED),
            STOPPED, EnumSet.noneOf(Status.class),
            RESOLVED, EnumSet.of(RETURNED),
            RETURNED, EnumSet.noneOf(Status.class));

    private final int portalCode;
    private final String portalName;

    Status(int portalCode, String portalName) {
        this.portalCode = portalCode;
        this.portalName = portalName;
    }

    /** The TrangThaiHoSo number sent to the portal. */
    public int portalCode() {
        return portalCode;
    }

    /** The portal's own Vietnamese label, used in exports; the UI takes its labels from the message bundles. */
    public String portalName() {
        return portalName;
    }

    public boolean canMoveTo(Status next) {
        return NEXT.get(this).contains(next);
    }

    public Set<Status> next() {
        return Set.copyOf(NEXT.get(this));
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    public static Status ofPortalCode(int code) {
        return Arrays.stream(values())
                .filter(s -> s.portalCode == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dossier status " + code));
    }
}
