package vn.motcua.scanner.simulator.demo;

import java.util.List;

/** The fictional forms the simulated scanner prints. All names and numbers are invented. */
final class DemoForms {

    record Field(String label, String value) {
    }

    record Form(String title, String addressee, List<Field> fields, String signer) {
    }

    static final List<Form> FORMS = List.of(
            new Form("TỜ KHAI ĐĂNG KÝ KHAI SINH", "Ủy ban nhân dân phường Hòa Bình",
                    List.of(new Field("Họ, chữ đệm, tên người yêu cầu", "NGUYỄN VĂN MẪU"),
                            new Field("Nơi cư trú", "Số 12 đường Trần Hưng Đạo, phường Hòa Bình"),
                            new Field("Quan hệ với người được khai sinh", "Cha"),
                            new Field("Họ, chữ đệm, tên người được khai sinh", "NGUYỄN THỊ AN NHIÊN"),
                            new Field("Ngày, tháng, năm sinh", "05/11/2026  (Ngày năm tháng mười một năm hai nghìn không trăm hai mươi sáu)"),
                            new Field("Giới tính", "Nữ          Dân tộc: Kinh          Quốc tịch: Việt Nam"),
                            new Field("Nơi sinh", "Bệnh viện Đa khoa tỉnh"),
                            new Field("Quê quán", "xã Tân Phú, huyện Đồng Xoài")),
                    "Nguyễn Văn Mẫu"),
            new Form("TỜ KHAI ĐĂNG KÝ KẾT HÔN", "Ủy ban nhân dân xã Tân Phú",
                    List.of(new Field("Họ, chữ đệm, tên bên nam", "TRẦN MINH KHÔI"),
                            new Field("Ngày, tháng, năm sinh", "14/02/1998"),
                            new Field("Họ, chữ đệm, tên bên nữ", "LÊ THỊ HỒNG ĐÀO"),
                            new Field("Ngày, tháng, năm sinh", "21/08/1999"),
                            new Field("Nơi cư trú", "Thôn Đông, xã Tân Phú"),
                            new Field("Kết hôn lần thứ mấy", "Lần thứ nhất"),
                            new Field("Giấy tờ tùy thân", "Căn cước số 0000xxxxxxx (mẫu, không có thật)")),
                    "Trần Minh Khôi"),
            new Form("ĐƠN ĐỀ NGHỊ CẤP BẢN SAO TRÍCH LỤC", "Phòng Tư pháp huyện Đồng Xoài",
                    List.of(new Field("Họ, chữ đệm, tên người yêu cầu", "PHẠM QUỐC HƯNG"),
                            new Field("Nơi cư trú", "Tổ 4, khu phố Bình Dương"),
                            new Field("Đề nghị cấp bản sao", "Trích lục khai sinh"),
                            new Field("Số lượng bản sao", "02 (hai) bản"),
                            new Field("Mục đích sử dụng", "Bổ sung hồ sơ nhập học")),
                    "Phạm Quốc Hưng"),
            new Form("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ", "Công an phường Hòa Bình",
                    List.of(new Field("Họ, chữ đệm và tên", "VÕ THỊ THU HƯƠNG"),
                            new Field("Ngày, tháng, năm sinh", "30/04/1985          Giới tính: Nữ"),
                            new Field("Nơi thường trú", "Số 7 ngõ 15 phố Lý Thường Kiệt"),
                            new Field("Nội dung đề nghị", "Đăng ký thường trú cho con"),
                            new Field("Những thành viên cùng thay đổi", "Võ Minh Đức (con)")),
                    "Võ Thị Thu Hương"));

    private DemoForms() {
    }

    static Form forSheet(int sheet) {
        return FORMS.get((sheet - 1) % FORMS.size());
    }
}
