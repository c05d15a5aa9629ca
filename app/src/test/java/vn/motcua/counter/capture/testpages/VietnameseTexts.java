package vn.motcua.counter.capture.testpages;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Vietnamese administrative wording for generated pages; the seed picks the names so pages differ but repeat. */
final class VietnameseTexts {

    private static final String[] NAMES = {
        "Nguyễn Thị Thu Hương", "Trần Minh Khôi", "Lê Văn Đức", "Phạm Ngọc Ánh", "Hoàng Quốc Việt",
        "Đặng Thùy Dương", "Võ Thành Nhân", "Bùi Thị Mỹ Lệ", "Đỗ Hữu Phước", "Huỳnh Gia Bảo"};
    private static final String[] WARDS = {
        "phường Bến Nghé, Quận 1", "phường Tân Định, Quận 1", "xã Phú Xuân, huyện Nhà Bè",
        "phường Hàng Bạc, quận Hoàn Kiếm", "phường Thạch Thang, quận Hải Châu"};
    private static final String[] STREETS = {"Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Trần Hưng Đạo", "Điện Biên Phủ"};

    private VietnameseTexts() {
    }

    record Line(String text, boolean bold, boolean centred, float points) {
        static Line body(String text) {
            return new Line(text, false, false, 12.5f);
        }
    }

    static String name(Random r) {
        return NAMES[r.nextInt(NAMES.length)];
    }

    static String idNumber(Random r) {
        return String.format("0791%02d%06d", 80 + r.nextInt(20), r.nextInt(1_000_000));
    }

    static List<Line> heading(String title) {
        return List.of(
                new Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, true, 13f),
                new Line("Độc lập - Tự do - Hạnh phúc", true, true, 13f),
                new Line(title, true, true, 15f));
    }

    static List<Line> birthRegistrationForm(Random r) {
        String ward = WARDS[r.nextInt(WARDS.length)];
        List<Line> lines = new ArrayList<>(heading("TỜ KHAI ĐĂNG KÝ KHAI SINH"));
        lines.add(Line.body("Kính gửi: Ủy ban nhân dân " + ward));
        lines.add(Line.body("Họ, chữ đệm, tên người yêu cầu: " + name(r)));
        lines.add(Line.body("Nơi cư trú: Số " + (1 + r.nextInt(200)) + " đường " + STREETS[r.nextInt(STREETS.length)]
                + ", " + ward));
        lines.add(Line.body("Giấy tờ tùy thân: Căn cước công dân số " + idNumber(r)));
        lines.add(Line.body("Quan hệ với người được khai sinh: Mẹ đẻ"));
        lines.add(Line.body("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"));
        lines.add(Line.body("Họ, chữ đệm, tên: " + name(r)));
        lines.add(Line.body("Ngày, tháng, năm sinh: " + (1 + r.nextInt(28)) + "/0" + (1 + r.nextInt(9)) + "/2024"));
        lines.add(Line.body("Giới tính: Nữ     Dân tộc: Kinh     Quốc tịch: Việt Nam"));
        lines.add(Line.body("Nơi sinh: Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh"));
        lines.add(Line.body("Quê quán: xã Nghĩa Hưng, huyện Nghĩa Đàn, tỉnh Nghệ An"));
        lines.add(Line.body("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật,"));
        lines.add(Line.body("được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật."));
        lines.add(Line.body("Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình."));
        lines.add(Line.body("Làm tại: Thành phố Hồ Chí Minh, ngày 21 tháng 11 năm 2026"));
        return lines;
    }

    static List<Line> certificate(Random r) {
        List<Line> lines = new ArrayList<>(heading("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"));
        lines.add(Line.body("Xét đề nghị của ông/bà: " + name(r) + " về việc xác nhận tình trạng hôn nhân."));
        lines.add(Line.body("Ủy ban nhân dân " + WARDS[r.nextInt(WARDS.length)] + " xác nhận:"));
        lines.add(Line.body("Họ, chữ đệm, tên: " + name(r)));
        lines.add(Line.body("Ngày, tháng, năm sinh: 12/08/1990     Giới tính: Nam"));
        lines.add(Line.body("Số định danh cá nhân: " + idNumber(r)));
        lines.add(Line.body("Nơi cư trú: Số " + (1 + r.nextInt(200)) + " đường " + STREETS[r.nextInt(STREETS.length)]));
        lines.add(Line.body("Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai."));
        lines.add(Line.body("Giấy này có giá trị sử dụng trong thời hạn sáu tháng kể từ ngày cấp,"));
        lines.add(Line.body("được dùng để làm thủ tục đăng ký kết hôn tại cơ quan có thẩm quyền."));
        return lines;
    }

    static List<Line> idCard(Random r) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("CĂN CƯỚC CÔNG DÂN", true, false, 11f));
        lines.add(new Line("Số: " + idNumber(r), true, false, 10f));
        lines.add(new Line("Họ và tên: " + name(r).toUpperCase(java.util.Locale.ROOT), false, false, 9.5f));
        lines.add(new Line("Ngày sinh: 03/02/1985", false, false, 9.5f));
        lines.add(new Line("Giới tính: Nam   Quốc tịch: Việt Nam", false, false, 9.5f));
        lines.add(new Line("Quê quán: Hải Châu, Đà Nẵng", false, false, 9.5f));
        lines.add(new Line("Nơi thường trú: " + STREETS[r.nextInt(STREETS.length)] + ", Hà Nội", false, false, 9.5f));
        return lines;
    }
}
