package nl.passend.gateway.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.domain.SecretBox;
import nl.passend.gateway.domain.Subscription;
import nl.passend.gateway.domain.WebhookSignature;

/**
 * The subscriptions' signing secrets: made, sealed for the database, and opened to sign a delivery. Made at
 * startup, so that a key that is missing or no AES-256 key stops the gateway before it serves anything.
 */
@Startup
@ApplicationScoped
public class SigningSecrets {

    private final SecureRandom random = new SecureRandom();
    private final SecretBox box;
    private final GatewayConfig config;

    @Inject
    public SigningSecrets(GatewayConfig config) {
        this.config = config;
        this.box = SecretBox.ofBase64(config.webhooks().secretKeys(), random);
    }

    /** Gives the subscription a new secret and returns it (the only time it is shown); the old one keeps signing for the grace period. */
    public String rotate(Subscription subscription, Instant now) {
        String secret = WebhookSignature.newSecret(random);
        if (subscription.secret != null) {
            subscription.previousSecret = subscription.secret;
            subscription.previousSecretUntil = now.plus(config.webhooks().secretGracePeriod());
        }
        subscription.secret = box.seal(secret, subscription.id.toString());
        return secret;
    }

    /** The secrets a delivery is signed with now: the current one, and the previous one during its grace period. */
    public List<String> signing(String sealed, String previousSealed, Instant previousUntil, String subscriptionId,
            Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(box.open(sealed, subscriptionId));
        if (previousSealed != null && previousUntil != null && previousUntil.isAfter(now)) {
            secrets.add(box.open(previousSealed, subscriptionId));
        }
        return secrets;
    }

    /** The box of the configured keys (the re-seal job's). */
    SecretBox box() {
        return box;
    }
}
