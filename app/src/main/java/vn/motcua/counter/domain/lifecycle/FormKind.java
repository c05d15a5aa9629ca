package vn.motcua.counter.domain.lifecycle;

/**
 * The forms of Circular 03/2025/TT-VPCP Appendix I (mẫu số 01–07) the counter produces. Only the supplement request
 * carries a number of the counter's own ({@code N/HDHS}, "hướng dẫn hồ sơ"); the letters 03–05 take their number from
 * the agency's document register (văn thư), so the form leaves it to be written in.
 */
public enum FormKind {
    RECEIPT("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", null),
    SUPPLEMENT_REQUEST("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "HDHS"),
    REFUSAL("03", "Phiếu từ chối tiếp nhận, giải quyết hồ sơ", null),
    APOLOGY("04", "Văn bản xin lỗi và đề nghị gia hạn", null),
    STOP_NOTICE("05", "Thông báo dừng giải quyết hồ sơ", null),
    CONTROL_SLIP("06", "Phiếu kiểm soát quá trình giải quyết hồ sơ", null),
    TRACKING_BOOK("07", "Sổ theo dõi hồ sơ", null);

    private final String number;
    private final String title;
    private final String numberSuffix;

    FormKind(String number, String title, String numberSuffix) {
        this.number = number;
        this.title = title;
        this.numberSuffix = numberSuffix;
    }

    /** "01" … "07", as printed in the top corner ("Mẫu số 02"). */
    public String number() {
        return number;
    }

    public String title() {
        return title;
    }

    public boolean isNumbered() {
        return numberSuffix != null;
    }

    /** The printed number of the {@code sequence}-th form of its kind in a year, e.g. {@code 12/HDHS}. */
    public String formatNumber(int sequence) {
        if (numberSuffix == null) {
            throw new IllegalStateException(this + " is not numbered by the counter");
        }
        return sequence + "/" + numberSuffix;
    }
}
