package vn.motcua.counter.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.ComponentRequirement;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.identity.InvalidIdNumberException;
import vn.motcua.counter.domain.identity.PersonalIdNumber;

/**
 * Seeded generator of applicants and OCR-like Vietnamese page text for the search benchmark: common surnames and
 * given names (so name searches hit thousands of dossiers, as real ones do), administrative vocabulary, and per-page
 * numbers (certificate, parcel, house numbers) that make rare searches possible.
 */
final class BenchData {

    /** Raise whenever the generated data changes, so benchmarks stop reusing databases made by the old generator. */
    static final int VERSION = 1;

    static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Hồng",
            "Xuân", "Gia", "Anh", "Bảo"};
    static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
            "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhung", "Phong", "Phúc",
            "Phương", "Quân", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Trung", "Tuấn", "Tùng", "Vân",
            "Việt", "Yến", "Đạt"};
    private static final String[] PROVINCES = {"001", "002", "004", "008", "010", "022", "024", "031", "036", "038",
            "040", "046", "048", "052", "079", "092"};
    private static final String[] WORDS = ("cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc giấy chứng nhận "
            + "quyền sử dụng đất quyền sở hữu nhà ở và tài sản khác gắn liền với đất thửa đất số tờ bản đồ diện tích "
            + "mục đích sử dụng thời hạn nguồn gốc ủy ban nhân dân phường xã thị trấn tỉnh thành phố quận huyện "
            + "tờ khai đăng ký khai sinh kết hôn khai tử hộ tịch chứng thực bản sao từ bản chính họ và tên ngày "
            + "tháng năm sinh giới tính nam nữ dân tộc kinh quốc tịch nơi cư trú số định danh cá nhân căn cước "
            + "công dân cấp ngày nơi cấp cục cảnh sát quản lý hành chính về trật tự xã hội người yêu cầu quan hệ "
            + "với người được cấp bản sao đề nghị cơ quan xác nhận tình trạng hôn nhân chưa đăng ký kết hôn với ai "
            + "mục đích sử dụng giấy xác nhận cam đoan những lời khai trên là đúng sự thật chịu trách nhiệm trước "
            + "pháp luật về cam đoan của mình làm tại ngày tháng năm người làm đơn ký ghi rõ họ tên cán bộ tư pháp "
            + "chủ tịch phó chủ tịch đóng dấu hợp đồng chuyển nhượng tặng cho thừa kế thế chấp giá trị tiền đồng "
            + "bằng chữ lệ phí đã nộp biên lai thu số quyển số trích lục bản chính bản photo công chứng").split(" ");

    private final Random random;

    BenchData(long seed) {
        this.random = new Random(seed);
    }

    Applicant applicant(LocalDate birth) {
        String name = pick(SURNAMES) + " " + pick(MIDDLE) + " " + pick(GIVEN);
        boolean female = random.nextBoolean();
        int century = (birth.getYear() >= 2000 ? 2 : 0) + (female ? 1 : 0);
        String digits = pick(PROVINCES) + century + String.format("%02d", birth.getYear() % 100)
                + String.format("%06d", random.nextInt(1_000_000));
        try {
            return new Applicant(name, PersonalIdNumber.parse(digits), birth, null, null, null, null);
        } catch (InvalidIdNumberException e) {
            throw new IllegalStateException(digits, e);
        }
    }

    LocalDate birthDate() {
        return LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    /** Components with {@code pages} pages between them; content ids are unique fake SHA-256 values. */
    List<Document> documents(List<ComponentRequirement> components, int pages, long firstPage) {
        List<Document> documents = new ArrayList<>();
        long page = firstPage;
        for (int c = 0; c < components.size(); c++) {
            int count = pages / components.size() + (c < pages % components.size() ? 1 : 0);
            List<Page> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                list.add(new Page(contentId(page++), "image/png", 180_000, Page.PageSource.SCANNED));
            }
            documents.add(new Document(components.get(c), list));
        }
        return documents;
    }

    static String contentId(long page) {
        return String.format("%064x", page);
    }

    /** One page of OCR'd text, about {@code words} words, with the applicant's name and a certificate number. */
    String pageText(String applicantName, int words, long page) {
        StringBuilder text = new StringBuilder(words * 7);
        text.append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ").append(applicantName).append(' ');
        for (int i = 0; i < words; i++) {
            text.append(pick(WORDS)).append(i % 17 == 16 ? ". " : " ");
            if (i % 40 == 20) {
                text.append("số ").append(random.nextInt(1000)).append('/').append(2000 + random.nextInt(26)).append(' ');
            }
        }
        return text.append("Số phát hành CS ").append(certificate(page)).toString();
    }

    /** A number that occurs on one page only, like a certificate's serial number. */
    static String certificate(long page) {
        return "CS" + (100_000_000 + page);
    }

    LocalDateTime receivedAt(LocalDate day, int index) {
        return day.atTime(7, 30).plusMinutes(index % 540);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
