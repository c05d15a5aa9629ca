package vn.motcua.sync.hub.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.WireJson;

/**
 * The national portal's shapes (DOMAIN.md): {@code DongBoHoSoMC} for a dossier, {@code CapNhatTienDoHoSoMC} for a
 * step of its processing. Dates are {@code yyyyMMddHHmmss} in Vietnam's time (UTC+7). File links are the hub's
 * {@code /api/v1/blobs/SHA256} path, to be prefixed by the connector if the province's system fetches them.
 * The progress record's field names are not confirmed by a published guide: they are kept to this one class.
 */
public final class PortalRecords {
    private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private PortalRecords() {
    }

    static String time(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(VIETNAM).format(PORTAL_TIME);
    }

    public static ObjectNode dossier(DossierManifest m, boolean updating) {
        ObjectNode r = WireJson.mapper().createObjectNode();
        r.put("MaHoSo", m.code());
        r.put("MaTTHC", m.procedure().code());
        r.put("TenTTHC", m.procedure().name());
        r.put("MaLinhVuc", m.procedure().fieldCode());
        r.put("TenLinhVuc", m.procedure().fieldName());
        DossierManifest.Applicant a = m.applicant();
        r.put("ChuHoSo", a.name());
        r.put("LoaiDoiTuong", a.kind() == DossierManifest.IdKind.TAX_CODE ? "2" : "1");
        r.put("MaDoiTuong", a.idNumber());
        r.put("ThongTinKhac", a.representative() == null ? null : "Người nộp: " + a.representative());
        r.put("Email", a.email());
        r.putNull("Fax");
        r.put("SoDienThoai", a.phone());
        r.put("TrichYeuHoSo", m.summary() != null ? m.summary() : m.procedure().name());
        r.put("NgayTiepNhan", time(m.receivedAt()));
        r.put("NgayHenTra", time(m.appointmentAt()));
        r.put("TrangThaiHoSo", Integer.toString(m.status()));
        r.put("NgayTra", time(m.returnedAt()));
        r.putNull("ThongTinTra");
        r.put("HinhThuc", Integer.toString(m.channel()));
        r.putNull("NgayKetThucXuLy");
        r.put("DonViXuLy", m.agencyCode());
        r.putNull("GhiChu");
        ArrayNode submitted = r.putArray("TaiLieuNop");
        for (DossierManifest.Component c : m.components()) {
            for (FileRef f : c.files()) {
                if (f.kind() == FileRef.Kind.ELECTRONIC_COPY || f.kind() == FileRef.Kind.SCAN_PAGE) {
                    ObjectNode file = submitted.addObject();
                    file.put("TepDinhKemId", f.sha256());
                    file.put("TenTepDinhKem", f.name());
                    file.put("IsDeleted", false);
                    file.put("MaThanhPhanHoSo", c.code());
                    file.put("DuongDanTaiTepTin", "/api/v1/blobs/" + f.sha256());
                }
            }
        }
        r.putArray("DanhSachLePhi");
        r.putArray("DanhSachTepDinhKemKhac");
        r.putArray("DanhSachHoSoBoSung");
        ArrayNode results = r.putArray("DanhSachGiayToKetQua");
        for (FileRef f : m.documents()) {
            if (f.kind() == FileRef.Kind.RESULT) {
                ObjectNode file = results.addObject();
                file.put("TenGiayTo", f.name());
                file.putNull("MaThanhPhanHoSo");
                file.put("GiayToId", f.sha256());
                file.put("DuongDanTepTinKetQua", "/api/v1/blobs/" + f.sha256());
            }
        }
        ObjectNode body = WireJson.mapper().createObjectNode();
        body.put("madonvi", m.agencyCode());
        body.put("service", Exports.DOSSIER);
        body.put("isUpdating", updating);
        body.putArray("data").add(r);
        return body;
    }

    public static ObjectNode progress(String agencyCode, String code, int status, OffsetDateTime at, String by,
                                      String reason, OffsetDateTime received, OffsetDateTime due) {
        ObjectNode r = WireJson.mapper().createObjectNode();
        r.put("MaHoSo", code);
        r.put("NguoiXuLy", by);
        r.put("ThoiDiemXuLy", time(at));
        r.put("NoiDungXuLy", reason);
        r.put("TrangThai", Integer.toString(status));
        r.put("NgayBatDau", time(received));
        r.put("NgayKetThucTheoQuyDinh", time(due));
        ObjectNode body = WireJson.mapper().createObjectNode();
        body.put("madonvi", agencyCode);
        body.put("service", Exports.PROGRESS);
        body.putArray("data").add(r);
        return body;
    }
}
