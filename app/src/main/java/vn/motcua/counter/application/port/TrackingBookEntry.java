package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import vn.motcua.counter.domain.Status;

/** One line of the tracking book (form 07, Sổ theo dõi hồ sơ). Null times have not happened yet. */
public record TrackingBookEntry(String code, String applicantName, String applicantAddress, String procedureName,
                                Status status, LocalDateTime receivedAt, LocalDateTime appointmentAt,
                                LocalDateTime extendedAppointmentAt, LocalDateTime resolvedAt,
                                LocalDateTime returnedAt, String receivedBy) {
}
