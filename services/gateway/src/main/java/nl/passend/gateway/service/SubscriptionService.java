package nl.passend.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.domain.Delivery;
import nl.passend.gateway.domain.DeliveryStatus;
import nl.passend.gateway.domain.Subscription;
import nl.passend.gateway.domain.SubscriptionStatus;
import nl.passend.gateway.persistence.DeliveryRepository;
import nl.passend.gateway.persistence.SubscriptionRepository;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import org.jboss.logging.Logger;

/**
 * The subscriptions' use cases. Every one is for the calling client only: another client's subscription is
 * answered as one that does not exist (404). A client subscribes only to schools its token names.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    SigningSecrets secrets;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    /** Who is asking: the OAuth client (the owner key) and the schools its token names. */
    public record Client(String id, Set<String> schools) {
    }

    /** What a subscription is for: validated as a request already (URL, known types, school code shape). */
    public record Terms(String callbackUrl, Collection<String> eventTypes, Collection<String> schoolCodes) {
    }

    /** A subscription, with its secret where this answer is the one that shows it. */
    public record View(Subscription subscription, String secret) {
    }

    @Transactional
    public View create(Client client, Terms terms) {
        checkSchools(client, terms.schoolCodes());
        if (subscriptions.countOfOwner(client.id()) >= config.webhooks().maxSubscriptionsPerClient()) {
            throw Problems.conflict("subscription-limit", "a client has at most "
                    + config.webhooks().maxSubscriptionsPerClient() + " subscriptions; delete one first");
        }
        Instant now = Instant.now(clock);
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.owner = client.id();
        apply(subscription, terms);
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        String secret = secrets.rotate(subscription, now);
        subscriptions.persist(subscription);
        subscriptions.flush();
        LOG.infof("webhook subscription %s of %s: %s for %s -> %s", subscription.id, client.id(),
                subscription.eventTypes, subscription.schoolCodes, subscription.callbackUrl);
        return new View(subscription, secret);
    }

    public List<Subscription> list(Client client) {
        return subscriptions.ofOwner(client.id());
    }

    public Subscription get(Client client, UUID id) {
        return subscriptions.ofOwner(id, client.id()).orElseThrow(() -> notFound(id));
    }

    /** Replaces callback URL, event types and schools; the status and the secret stay. */
    @Transactional
    public Subscription update(Client client, UUID id, ExpectedVersion expected, Terms terms) {
        Subscription subscription = locked(client, id, expected);
        checkSchools(client, terms.schoolCodes());
        apply(subscription, terms);
        subscription.updatedAt = Instant.now(clock);
        subscriptions.flush();
        return subscription;
    }

    /** Deletes it with its deliveries; with If-Match only when that is the current version. */
    @Transactional
    public void delete(Client client, UUID id, ExpectedVersion expected) {
        Subscription subscription = subscriptions.lockOfOwner(id, client.id()).orElseThrow(() -> notFound(id));
        if (expected != ExpectedVersion.NONE) {
            expected.require(subscription.version);
        }
        subscriptions.delete(subscription);
        LOG.infof("webhook subscription %s of %s deleted", id, client.id());
    }

    /** A new signing secret, shown in this answer only; the previous one also signs for the grace period. */
    @Transactional
    public View rotateSecret(Client client, UUID id, ExpectedVersion expected) {
        Subscription subscription = locked(client, id, expected);
        Instant now = Instant.now(clock);
        String secret = secrets.rotate(subscription, now);
        subscription.updatedAt = now;
        subscriptions.flush();
        return new View(subscription, secret);
    }

    /**
     * Makes the subscription ACTIVE again; its waiting deliveries go out now, in order. With
     * {@code redeliverFailed} the given-up ones go out again first (each before the later ones of its key);
     * without, they stay given up and the rest goes on.
     */
    @Transactional
    public Subscription resume(Client client, UUID id, ExpectedVersion expected, boolean redeliverFailed) {
        Subscription subscription = locked(client, id, expected);
        Instant now = Instant.now(clock);
        int again = redeliverFailed ? deliveries.requeueFailed(id, now) : 0;
        deliveries.dueNow(id, now);
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.failingSince = null;
        subscription.failingReason = null;
        subscription.updatedAt = now;
        subscriptions.flush();
        LOG.infof("webhook subscription %s of %s resumed (%d given-up deliveries sent again)", id, client.id(), again);
        return subscription;
    }

    public List<Delivery> deliveries(Client client, UUID id, DeliveryStatus status, int size) {
        get(client, id);
        return deliveries.recent(id, status, size);
    }

    private Subscription locked(Client client, UUID id, ExpectedVersion expected) {
        Subscription subscription = subscriptions.lockOfOwner(id, client.id()).orElseThrow(() -> notFound(id));
        expected.require(subscription.version);
        return subscription;
    }

    private static void apply(Subscription subscription, Terms terms) {
        subscription.callbackUrl = terms.callbackUrl().strip();
        subscription.eventTypes = new ArrayList<>(new TreeSet<>(terms.eventTypes()));
        subscription.schoolCodes = new ArrayList<>(new TreeSet<>(terms.schoolCodes()));
    }

    private static void checkSchools(Client client, Collection<String> schoolCodes) {
        List<String> foreign = new TreeSet<>(schoolCodes).stream().filter(c -> !client.schools().contains(c)).toList();
        if (!foreign.isEmpty()) {
            throw Problems.forbidden("your token does not name school" + (foreign.size() > 1 ? "s " : " ")
                    + String.join(", ", foreign) + "; a client subscribes only to its own schools");
        }
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("subscription " + id);
    }
}
