package nl.passend.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, as the Standard Webhooks specification (standardwebhooks.com) defines
 * it, so that a receiver can check it with that project's libraries or a few lines of its own:
 * <ul>
 * <li>the secret is {@code whsec_} followed by the base64 of 32 random bytes; those bytes are the HMAC key;</li>
 * <li>the signed content is {@code <webhook-id>.<webhook-timestamp>.<body>}: the message id (the event id),
 * the Unix time in seconds of the attempt, and the exact bytes of the request body;</li>
 * <li>{@code webhook-signature} is {@code v1,<base64 of HMAC-SHA256(key, signed content)>}, several of them
 * separated by spaces while a rotated secret still signs.</li>
 * </ul>
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private static final int SECRET_BYTES = 32;

    private WebhookSignature() {
    }

    /** A new signing secret: {@code whsec_} + base64 of 32 random bytes. */
    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code v1,<signature>} of one attempt with one secret. */
    public static String sign(String secret, String messageId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret, separated by spaces. */
    public static String header(List<String> secrets, String messageId, long timestamp, byte[] body) {
        return secrets.stream().map(s -> sign(s, messageId, timestamp, body)).collect(Collectors.joining(" "));
    }

    /**
     * What a receiver does: true when one of the header's {@code v1} signatures is the one the secret makes,
     * and the timestamp is within {@code tolerance} of {@code now} (older or newer is a replay or a wrong
     * clock). Compares in constant time.
     */
    public static boolean verify(String secret, String messageId, String timestampHeader, String signatureHeader,
            byte[] body, Instant now, Duration tolerance) {
        if (messageId == null || timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, messageId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            found |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return found;
    }

    /** The HMAC key of a secret: the bytes after {@code whsec_}, base64-decoded. */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a signing secret starts with " + SECRET_PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
