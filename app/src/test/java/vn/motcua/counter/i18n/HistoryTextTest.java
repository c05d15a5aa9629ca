package vn.motcua.counter.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.domain.lifecycle.Rating;

/** History entries as the store writes them, read as sentences. */
class HistoryTextTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 7, 9, 5);
    private final HistoryText text = new HistoryText(Messages.of(Locale.forLanguageTag("vi-VN")),
            new Rating(1, "Hài lòng", 3));

    private String line(String kind, String detail) {
        return text.line(new DossierEvent(AT, "Trần Văn Bình", kind, detail));
    }

    @Test
    void eachKindReadsAsASentenceWithoutTheStoresWords() {
        assertThat(line("RECEIVED", "status=2 pages=7 receipt=32f537afd2998a3d130e4f77b41399951091a4"))
                .isEqualTo("09:05 07/12/2026 · Trần Văn Bình: Tiếp nhận hồ sơ, 7 trang; in giấy tiếp nhận và hẹn trả kết quả.");
        assertThat(line("PROCESSING", "status=2->4"))
                .endsWith("Chuyển xử lý: từ \"Được tiếp nhận\" sang \"Đang xử lý\".");
        assertThat(line("SUPPLEMENT_REQUESTED", "status=4->5 form=02 1/HDHS | Thiếu giấy tờ chứng minh nơi cư trú."))
                .endsWith("Yêu cầu bổ sung: từ \"Đang xử lý\" sang \"Yêu cầu bổ sung\"; lập mẫu số 02 1/HDHS; "
                        + "lý do: Thiếu giấy tờ chứng minh nơi cư trú.");
        assertThat(line("APOLOGY", "status=4->4 form=04 3/VBXL newAppointment=2026-12-15T15:00 | Chờ xác minh"))
                .endsWith("Xin lỗi, hẹn lại: lập mẫu số 04 3/VBXL; hẹn trả mới 15:00 15/12/2026; lý do: Chờ xác minh.");
        assertThat(line("RETURNED", "status=9->10 rating=1/3"))
                .endsWith("Trả kết quả: từ \"Đã xử lý xong\" sang \"Đã trả kết quả\"; người dân đánh giá \"Hài lòng\".");
        assertThat(line("RESULT_ATTACHED", "Giấy xác nhận tình trạng hôn nhân pages=2"))
                .endsWith("Đính kèm kết quả \"Giấy xác nhận tình trạng hôn nhân\", 2 trang.");
        assertThat(line("PAGES_REUSED", "from=000.00.00.H26-261123-0001 document=\"Tờ khai\" into=\"Tờ khai mới\" pages=ab12,cd34"))
                .endsWith("Dùng lại \"Tờ khai\" của hồ sơ 000.00.00.H26-261123-0001 cho thành phần \"Tờ khai mới\" (2 trang), không quét lại.");
        assertThat(line("IDENTITY_MISMATCH_ACCEPTED", "problems=BIRTH_YEAR_MISMATCH reason=\"Giấy khai sinh ghi năm 1991\""))
                .endsWith("Vẫn tiếp nhận dù Năm sinh không khớp với số định danh. Lý do: Giấy khai sinh ghi năm 1991");
    }

    @Test
    void noEntryShowsTheStoresRawWords() {
        for (String[] e : new String[][] {{"RECEIVED", "status=2 pages=2 receipt=32f537"}, {"RETURNED", "status=9->10 rating=2/3"},
                {"STOPPED", "status=4->8 form=05 2/TB | Người nộp rút hồ sơ"}}) {
            assertThat(line(e[0], e[1])).doesNotContain("status=", "receipt=", "rating=", "->", "|");
        }
        assertThat(line("RETURNED", "status=9->10 rating=2/3")).contains("\"2/3\""); // another level than the one stored
    }

    @Test
    void theDepartmentsWorkPulledFromTheHubReadsAsSentences() {
        assertThat(line("HUB_STATUS", "status=2->4"))
                .endsWith("Bộ phận chuyên môn cập nhật trên máy chủ tỉnh: từ \"Được tiếp nhận\" sang \"Đang xử lý\".");
        assertThat(line("HUB_SUPPLEMENT_REQUESTED", "status=4->5 | Bổ sung bản sao giấy khai sinh"))
                .endsWith("Bộ phận chuyên môn yêu cầu bổ sung (máy chủ tỉnh): từ \"Đang xử lý\" sang \"Yêu cầu bổ sung\"; "
                        + "lý do: Bổ sung bản sao giấy khai sinh.");
        assertThat(line("HUB_RESULT", "status=9->9 | results=2 Giấy xác nhận"))
                .endsWith("Bộ phận chuyên môn gửi kết quả (máy chủ tỉnh): 2 tệp kết quả; lý do: Giấy xác nhận.");
        assertThat(line("HUB_RESULT", "status=4->9 | results=1"))
                .endsWith("gửi kết quả (máy chủ tỉnh): 1 tệp kết quả; từ \"Đang xử lý\" sang \"Đã xử lý xong\".");
        assertThat(line("HUB_REFUSED", "status=8->8 | hub=4 Đã nhận đủ"))
                .endsWith("Thay đổi từ máy chủ tỉnh không áp dụng được: máy chủ tỉnh chuyển sang \"Đang xử lý\" nhưng "
                        + "hồ sơ ở quầy đang \"Dừng xử lý\"; lý do: Đã nhận đủ.");
    }
}
