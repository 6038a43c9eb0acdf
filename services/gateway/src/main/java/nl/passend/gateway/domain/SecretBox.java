package nl.passend.gateway.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the subscriptions' signing secrets for the database (AES-256-GCM, a fresh 96-bit nonce each time),
 * bound to the subscription's id as associated data, so that a secret copied onto another row does not open.
 * The database alone then gives no one the secrets a receiver trusts.
 *
 * <p>Several keys, newest first: the first seals, every one opens, so that the key can be rotated without a
 * moment in which stored secrets cannot be read. Sealed form: {@code v2:<keyId>:<base64(nonce|ciphertext)>},
 * the key id being the first 8 hex digits of the key's SHA-256 (it names a key without giving it away). The
 * older form {@code v1:<base64(nonce|ciphertext)>} (before rotation, no key id) still opens, tried with each key.
 */
public final class SecretBox {

    public static final String KEYS_PROPERTY = "passend.gateway.webhooks.secret-keys";

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys; // by id, newest first
    private final String currentId;
    private final SecureRandom random;

    /** @param keys AES-256 keys, newest (the one that seals) first */
    public SecretBox(List<byte[]> keys, SecureRandom random) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(KEYS_PROPERTY + " names no key");
        }
        Map<String, SecretKeySpec> byId = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = keys.get(i);
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException(KEYS_PROPERTY + ": key " + (i + 1) + " has " + key.length
                        + " bytes, not " + KEY_BYTES + " (AES-256)");
            }
            if (byId.put(keyId(key), new SecretKeySpec(key.clone(), "AES")) != null) {
                throw new IllegalArgumentException(KEYS_PROPERTY + ": key " + (i + 1) + " is there twice (id "
                        + keyId(key) + ")");
            }
        }
        this.keys = byId;
        this.currentId = byId.keySet().iterator().next();
        this.random = random;
    }

    /** From the configured keys (base64 each, newest first). */
    public static SecretBox ofBase64(List<String> keys, SecureRandom random) {
        List<byte[]> decoded = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            try {
                decoded.add(Base64.getDecoder().decode(keys.get(i).trim()));
            } catch (IllegalArgumentException e) {
                // not the exception's message: it may quote part of the key
                throw new IllegalArgumentException(KEYS_PROPERTY + ": key " + (i + 1) + " is not base64");
            }
        }
        return new SecretBox(decoded, random);
    }

    /** The first 8 hex digits of the key's SHA-256. */
    public static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** The id of the key that seals. */
    public String currentKeyId() {
        return currentId;
    }

    /** Whether the value is sealed with the current key (a re-seal would not change it). */
    public boolean isCurrent(String sealed) {
        return sealed != null && sealed.startsWith(V2 + currentId + ":");
    }

    public String seal(String plaintext, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return V2 + currentId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a signing secret", e);
        }
    }

    /** @throws IllegalStateException when no configured key opens the value for {@code boundTo} */
    public String open(String sealed, String boundTo) {
        if (sealed != null && sealed.startsWith(V2)) {
            int colon = sealed.indexOf(':', V2.length());
            String id = colon < 0 ? "" : sealed.substring(V2.length(), colon);
            SecretKeySpec key = keys.get(id);
            if (key == null) {
                throw new IllegalStateException("a signing secret is sealed with key " + id + ", which is not among "
                        + KEYS_PROPERTY + " (" + String.join(", ", keys.keySet()) + "); was it removed too early?");
            }
            return decrypt(key, payload(sealed.substring(colon + 1)), boundTo);
        }
        if (sealed != null && sealed.startsWith(V1)) {
            byte[] bytes = payload(sealed.substring(V1.length()));
            for (SecretKeySpec key : keys.values()) {
                try {
                    return decrypt(key, bytes, boundTo);
                } catch (IllegalStateException tryTheNext) {
                    // v1 names no key: the next one may be it
                }
            }
            throw new IllegalStateException("no key of " + KEYS_PROPERTY + " opens a v1 signing secret (another "
                    + "key, or another row's)");
        }
        throw new IllegalStateException("not a sealed secret");
    }

    /** The value sealed with the current key: as it is when it already is, else opened and sealed again. */
    public String reseal(String sealed, String boundTo) {
        return sealed == null || isCurrent(sealed) ? sealed : seal(open(sealed, boundTo), boundTo);
    }

    private static byte[] payload(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("not a sealed secret", e);
        }
    }

    private static String decrypt(SecretKeySpec key, byte[] bytes, String boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a signing secret (another key, or another row's)", e);
        }
    }
}
