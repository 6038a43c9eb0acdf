package nl.passend.gateway.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.domain.Backoff;
import nl.passend.gateway.domain.Subscription;
import nl.passend.gateway.persistence.DeliveryRepository;
import nl.passend.gateway.persistence.DeliveryRepository.Claimed;
import nl.passend.gateway.persistence.SubscriptionRepository;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries. Each poll claims due ones (see {@link DeliveryRepository#claimDue}: the oldest pending
 * one per subscription and key, with a lease so that no other attempt or instance takes it meanwhile) up to the
 * free capacity, and sends each on its own thread. The outcome is written in a transaction of its own:
 * delivered; or failed and due again after the backoff; or, after the last attempt, given up, which makes the
 * subscription FAILING, so that nothing of it goes out (and nothing overtakes the given-up delivery) until its
 * client resumes it. A gateway that stops mid-attempt leaves the lease to run out: the delivery is sent again
 * (at least once).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryRepository deliveries;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    SigningSecrets secrets;

    @Inject
    WebhookSender sender;

    @Inject
    Clock clock;

    private final GatewayConfig.Webhooks config;
    private final Backoff backoff;
    private final Duration lease;
    private final ExecutorService attempts;
    private final AtomicInteger inFlight = new AtomicInteger();

    @Inject
    public DeliveryWorker(GatewayConfig config) {
        this.config = config.webhooks();
        this.backoff = new Backoff(this.config.initialBackoff(), this.config.backoffMultiplier(),
                this.config.maxBackoff(), this.config.jitter());
        // longer than any attempt can take, so that only a stopped gateway's attempt is taken over
        this.lease = this.config.connectTimeout().plus(this.config.requestTimeout()).multipliedBy(2).plusSeconds(10);
        AtomicInteger threads = new AtomicInteger();
        this.attempts = Executors.newFixedThreadPool(Math.max(1, this.config.concurrency()), r -> {
            Thread t = new Thread(r, "webhook-delivery-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Backoff backoff() {
        return backoff;
    }

    @Scheduled(every = "${passend.gateway.webhooks.poll-interval}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        int free = config.concurrency() - inFlight.get();
        if (free <= 0) {
            return;
        }
        List<Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.claimDue(free, lease, Instant.now(clock)));
        for (Claimed delivery : claimed) {
            inFlight.incrementAndGet();
            attempts.execute(() -> {
                try {
                    attempt(delivery);
                } catch (RuntimeException e) {
                    // the database went away: the lease runs out and the delivery is tried again
                    LOG.warnf(e, "webhook delivery %s: the attempt could not be recorded", delivery.id());
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    void attempt(Claimed delivery) {
        long startedNanos = System.nanoTime(); // for the log line's duration only
        Instant started = Instant.now(clock);
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = subscriptions.findById(delivery.subscriptionId());
            return s == null ? null : new Target(s.callbackUrl, secrets.signing(s.secret, s.previousSecret,
                    s.previousSecretUntil, s.id.toString(), started));
        });
        if (target == null) {
            return; // deleted meanwhile, with its deliveries
        }
        WebhookSender.Outcome outcome = sender.send(target.callbackUrl(), delivery.eventId(),
                delivery.id().toString(), delivery.payload(), target.secrets());
        Instant now = Instant.now(clock);
        int attempt = delivery.attempts() + 1;
        QuarkusTransaction.requiringNew().run(() -> {
            if (outcome.delivered()) {
                deliveries.delivered(delivery.seq(), outcome.statusCode(), now);
            } else if (attempt >= config.maxAttempts()) {
                if (deliveries.giveUp(delivery.seq(), outcome.statusCode(), outcome.error(), now)) {
                    subscriptions.markFailing(delivery.subscriptionId(), "delivery " + delivery.id() + " of event "
                            + delivery.eventId() + " given up after " + attempt + " attempts: " + outcome.error(), now);
                }
            } else {
                Duration wait = backoff.after(attempt, () -> ThreadLocalRandom.current().nextDouble(),
                        outcome.retryAfter());
                deliveries.retryLater(delivery.seq(), outcome.statusCode(), outcome.error(), now, now.plus(wait));
            }
        });
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (outcome.delivered()) {
            LOG.infof("webhook delivery %s (event %s, subscription %s): %d in %d ms", delivery.id(),
                    delivery.eventId(), delivery.subscriptionId(), outcome.statusCode(), millis);
        } else {
            LOG.warnf("webhook delivery %s (event %s, subscription %s): attempt %d of %d failed: %s in %d ms%s",
                    delivery.id(), delivery.eventId(), delivery.subscriptionId(), attempt, config.maxAttempts(),
                    outcome.error(), millis, attempt >= config.maxAttempts() ? "; given up, subscription FAILING" : "");
        }
    }

    /** Deletes old delivered and given-up deliveries. */
    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void cleanUp() {
        Instant now = Instant.now(clock);
        int deleted = QuarkusTransaction.requiringNew().call(() -> deliveries.deleteOld(
                now.minus(config.keepDelivered()), now.minus(config.keepFailed())));
        if (deleted > 0) {
            LOG.infof("deleted %d old webhook deliveries", deleted);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        attempts.shutdownNow();
    }

    private record Target(String callbackUrl, List<String> secrets) {
    }
}
