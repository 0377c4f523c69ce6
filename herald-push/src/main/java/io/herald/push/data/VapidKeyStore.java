package io.herald.push.data;

import com.zerodeplibs.webpush.key.PublicKeySources;
import io.herald.store.Store;
import io.herald.store.StoreException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Each instance's VAPID key pair (P-256), made the first time any node starts with the instance and
 * kept in the store, so every node and every restart signs with the same key.
 */
public final class VapidKeyStore {

    /**
     * A stored key pair.
     *
     * @param publicKey the uncompressed public point, base64url without padding (the browser's applicationServerKey)
     * @param privateKey PKCS#8 DER
     */
    public record Keys(String publicKey, byte[] privateKey) {
    }

    private final Store store;

    public VapidKeyStore(Store store) {
        this.store = store;
    }

    /** The instance's keys, made and stored first when it has none. */
    public Keys keysOf(String instanceId) {
        Keys keys = find(instanceId);
        if (keys != null) {
            return keys;
        }
        KeyPair pair = generate();
        String publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(
                PublicKeySources.ofECPublicKey((ECPublicKey) pair.getPublic()).extractBytesInUncompressedForm());
        try {
            store.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO push_vapid_keys (instance_id, public_key, private_key) VALUES (?, ?, ?)")) {
                    s.setString(1, instanceId);
                    s.setString(2, publicKey);
                    s.setString(3, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                    return s.executeUpdate();
                }
            });
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState()))) {
                throw e;
            }
            // Another node made them at the same moment: use theirs.
        }
        return find(instanceId);
    }

    private Keys find(String instanceId) {
        return store.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT public_key, private_key FROM push_vapid_keys WHERE instance_id = ?")) {
                s.setString(1, instanceId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new Keys(r.getString(1), Base64.getDecoder().decode(r.getString(2))) : null;
                }
            }
        });
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("this JVM has no P-256 key generator", e);
        }
    }
}
