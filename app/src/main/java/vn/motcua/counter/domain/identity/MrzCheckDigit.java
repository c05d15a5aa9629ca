package vn.motcua.counter.domain.identity;

/**
 * ICAO Doc 9303 Part 3 §4.9 check digit: characters valued 0–9 for digits, 10–35 for A–Z and 0 for the filler
 * {@code <}, weighted 7, 3, 1 repeating; the check digit is the sum modulo 10.
 */
final class MrzCheckDigit {

    private MrzCheckDigit() {
    }

    static int of(CharSequence field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * weights[i % 3];
        }
        return sum % 10;
    }

    static boolean matches(CharSequence field, char check) {
        return check >= '0' && check <= '9' && of(field) == check - '0';
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 0; // '<' and, for robustness, anything else
    }
}
