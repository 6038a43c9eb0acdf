package nl.passend.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.reporting.domain.Rebuild;
import nl.passend.reporting.persistence.RebuildRepository;

/** Asking for a rebuild of the projections: one at a time; the feed does it and records its progress. */
@ApplicationScoped
public class Rebuilds {

    @Inject
    Clock clock;

    @Inject
    RebuildRepository rebuilds;

    @Inject
    Caller caller;

    @Transactional
    public Rebuild request() {
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
}
