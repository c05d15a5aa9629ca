package vn.motcua.sync.hub.service;

import static vn.motcua.sync.hub.store.Database.first;
import static vn.motcua.sync.hub.store.Database.update;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.wire.Keys;
import vn.motcua.sync.wire.WireFormatException;

/**
 * The hub's EC P-256 key pair, made by the first instance that starts and shared by all through the database
 * (counters encrypt USB packages to it; receipts are signed with it). See docs/hub-deployment.md on protecting it.
 */
public final class HubKeys {
    private final KeyPair pair;

    public HubKeys(Database db) {
        this.pair = db.inTransaction(c -> {
            if (first(c, "select 1 from hub_key where id = 1", rs -> true).isEmpty()) {
                KeyPair fresh = Keys.generate(); // the first instance ever; a concurrent first one may win the insert
                update(c, "insert into hub_key (id, private_key, public_key) values (1, ?, ?) on conflict (id) do nothing",
                        Keys.encodePrivate(fresh.getPrivate()), fresh.getPublic().getEncoded());
            }
            return first(c, "select private_key, public_key from hub_key where id = 1", rs -> {
                try {
                    return new KeyPair(Keys.decodePublic(java.util.Base64.getEncoder().encodeToString(rs.getBytes(2))),
                            Keys.decodePrivate(rs.getBytes(1)));
                } catch (WireFormatException e) {
                    throw new IllegalStateException("the stored hub key no longer reads", e);
                }
            }).orElseThrow();
        });
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    public PrivateKey privateKey() {
        return pair.getPrivate();
    }
}
