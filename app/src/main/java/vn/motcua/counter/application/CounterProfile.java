package vn.motcua.counter.application;

import vn.motcua.counter.domain.AgencyCode;

/**
 * Who this counter is: the receiving agency, its name as printed on forms, the place results are collected, and the
 * clerk signed in. IT staff provision the agency; the clerk's name comes from the session.
 */
public record CounterProfile(AgencyCode agencyCode, String agencyName, String resultPlace, String clerkName) {
}
