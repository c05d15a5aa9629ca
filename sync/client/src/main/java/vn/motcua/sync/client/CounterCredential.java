package vn.motcua.sync.client;

import java.security.KeyPair;
import java.security.PublicKey;

/** What enrolment gives the counter: its id and bearer token, its own key pair, and the hub's public key. */
public record CounterCredential(String counterId, String token, KeyPair counterKey, PublicKey hubPublicKey) {
    @Override
    public String toString() {
        return "CounterCredential[" + counterId + "]";
    }
}
