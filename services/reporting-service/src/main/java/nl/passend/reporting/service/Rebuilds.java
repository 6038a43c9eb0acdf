package nl.passend.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.reporting.domain.Rebuild;
import nl.passend.reporting.messaging.EventFeed;
import nl.passend.reporting.messaging.FeedPositions;
import nl.passend.reporting.messaging.FeedRebuild;
import nl.passend.reporting.persistence.RebuildRepository;

/**
 * Operating the projections: asking for a rebuild (one at a time; the feed carries it out and
 * records its progress in the rebuild's row), and how far the feed is.
 */
@ApplicationScoped
public class Rebuilds {

    @Inject
    RebuildRepository rebuilds;

    @Inject
    FeedRebuild feedRebuild;

    @Inject
    FeedPositions positions;

    @Inject
    EventFeed feed;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Records the request and only then hands it to the feed, which updates that committed row. */
    public Rebuild request() {
        Rebuild r = QuarkusTransaction.requiringNew().call(this::record);
        feedRebuild.request(r.id);
        return r;
    }

    private Rebuild record() {
        rebuilds.unfinished().ifPresent(r -> {
            throw Problems.conflict("rebuild-running", "rebuild " + r.id + " is " + r.state.name().toLowerCase());
        });
        Rebuild r = new Rebuild();
        r.id = UUID.randomUUID();
        r.requestedBy = caller.subject();
        r.requestedAt = Instant.now(clock);
        r.state = Rebuild.State.REQUESTED;
        rebuilds.persist(r);
        return r;
    }

    @Transactional
    public Rebuild get(UUID id) {
        return rebuilds.findByIdOptional(id).orElseThrow(() -> Problems.notFound("rebuild " + id));
    }

    /** How many records on the topics the projections have not applied yet. */
    public long behind() {
        return feed.lag();
    }

    /** The next offset per topic partition ({@code passend.pupil-0}), in order. */
    public Map<String, Long> positions() {
        Map<String, Long> byPartition = new TreeMap<>();
        positions.all().forEach((p, offset) -> byPartition.put(p.topic() + "-" + p.partition(), offset));
        return byPartition;
    }
}
