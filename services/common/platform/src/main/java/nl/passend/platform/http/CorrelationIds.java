package nl.passend.platform.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request ({@code X-Correlation-Id}), set by the gateway: a caller's own id is kept
 * when it is a plausible id (1 to 64 letters, digits, '.', '_', ':' or '-', such as a UUID), so that a caller
 * can follow its request through the logs; anything else (empty, too long, spaces, control characters that
 * could forge log lines or headers) is replaced by a new random UUID.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** The incoming id if it is valid, else a new one. */
    public static String accept(String incoming) {
        return isValid(incoming) ? incoming : UUID.randomUUID().toString();
    }
}
