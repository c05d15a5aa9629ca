package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import vn.motcua.counter.domain.Page;

/** One page of a result document (giấy tờ kết quả) attached to a dossier before it is returned. */
public record ResultPage(String documentName, Page page, LocalDateTime attachedAt, String attachedBy) {
}
