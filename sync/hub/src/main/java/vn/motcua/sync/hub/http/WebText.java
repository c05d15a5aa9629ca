package vn.motcua.sync.hub.http;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import vn.motcua.sync.hub.service.Refusal;
import vn.motcua.sync.wire.ErrorCode;

/** The page's Vietnamese words for what the services say in the protocol's terms. */
final class WebText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final Map<String, String> BY_MESSAGE = Map.of(
            "needs a reason", "Trạng thái này cần ghi rõ lý do.",
            "cannot move to", "Không thể chuyển hồ sơ từ trạng thái hiện tại sang trạng thái đã chọn.",
            "at least one result", "Hãy chọn ít nhất một tệp kết quả.",
            "counter name", "Tên quầy gồm 1–100 ký tự in được.",
            "longer than 2000", "Lý do dài quá 2000 ký tự.",
            "statuses 4–10", "Bộ phận xử lý chỉ chuyển hồ sơ sang các trạng thái 4–10.");

    private WebText() {
    }

    static String refusal(Refusal r) {
        for (Map.Entry<String, String> e : BY_MESSAGE.entrySet()) {
            if (r.getMessage() != null && r.getMessage().contains(e.getKey())) {
                return e.getValue();
            }
        }
        return switch (r.code()) {
            case ErrorCode.NOT_FOUND -> "Không tìm thấy nội dung này.";
            case ErrorCode.TOO_LARGE -> "Tệp quá lớn.";
            case ErrorCode.CHECKSUM_MISMATCH -> "Tệp bị hỏng khi truyền (mã SHA-256 không khớp).";
            default -> "Yêu cầu không hợp lệ.";
        };
    }

    static String time(OffsetDateTime t) {
        return t == null ? "—" : t.withOffsetSameInstant(ZoneOffset.ofHours(7)).format(TIME);
    }

    static String notice(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "trang-thai" -> "Đã chuyển trạng thái hồ sơ; quầy tiếp nhận sẽ nhận thay đổi ở lần đồng bộ tới.";
            case "bo-sung" -> "Đã gửi yêu cầu bổ sung cho quầy tiếp nhận.";
            case "ket-qua" -> "Đã đính kèm kết quả; quầy tiếp nhận sẽ nhận tệp ở lần đồng bộ tới.";
            case "thu-hoi" -> "Đã thu hồi quyền kết nối của quầy.";
            case "gui-lai" -> "Đã đưa bản ghi vào hàng đợi gửi lại.";
            default -> null;
        };
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
