package vn.motcua.counter.domain;

import java.util.regex.Pattern;

/**
 * An agency's electronic identifier (mã định danh điện tử, QCVN 102:2016), {@code V1V2V3.Z1Z2.Y1Y2.MX1X2}, e.g.
 * {@code 000.00.15.H42}: the last group is a letter and two digits (H = provincial People's Committee).
 */
public record AgencyCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");

    public AgencyCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("agency code must look like 000.00.15.H42: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
