package vn.motcua.counter.adapters.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2idPasswordsTest {

    /** The Argon2 reference implementation's own vector (phc-winner-argon2, src/test.c): "password", "somesalt". */
    private static final String REFERENCE =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    private final Argon2idPasswords passwords = new Argon2idPasswords();

    @Test
    void readsTheReferenceImplementationsHash() {
        assertThat(passwords.isHash(REFERENCE)).isTrue();
        assertThat(passwords.matches("password".toCharArray(), REFERENCE)).isTrue();
        assertThat(passwords.matches("Password".toCharArray(), REFERENCE)).isFalse();
    }

    @Test
    void aHashRecordsItsParametersAndASaltOfItsOwn() {
        String one = passwords.hash("mật khẩu dài".toCharArray());
        String two = passwords.hash("mật khẩu dài".toCharArray());
        assertThat(one).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(two);
        assertThat(passwords.matches("mật khẩu dài".toCharArray(), one)).isTrue();
        assertThat(passwords.matches("mat khau dai".toCharArray(), one)).isFalse();
    }

    @Test
    void aHashMadeWithOtherParametersStillChecks() {
        String older = new Argon2idPasswords(8 * 1024, 1).hash("mat-khau-cu".toCharArray());
        assertThat(older).contains("m=8192,t=1,p=1");
        assertThat(passwords.matches("mat-khau-cu".toCharArray(), older)).isTrue();
    }

    @Test
    void malformedHashesMatchNothing() {
        assertThat(passwords.matches("x".toCharArray(), null)).isFalse();
        assertThat(passwords.matches("x".toCharArray(), "")).isFalse();
        assertThat(passwords.matches("x".toCharArray(), "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(passwords.matches("x".toCharArray(), "$argon2id$v=19$m=9999999,t=2,p=1$c29tZXNhbHQ$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(passwords.isHash("mot-mat-khau-thuong")).isFalse();
    }
}
