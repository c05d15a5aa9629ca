package vn.motcua.counter.domain.identity;

/** Sex as printed on Vietnamese ID cards ("Nam" / "Nữ"). */
public enum Sex {
    MALE,
    FEMALE
}
