package nl.passend.reporting.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.Topics;

/**
 * Writes events into the projections over one JDBC connection, batching statements until
 * {@link #flush()}; each topic's events have a projection of their own. Each event writes only the
 * facts it carries, keyed so that a redelivery rewrites the same row and the order of arrival does
 * not matter. Events about an erased pupil are skipped. Types the reports do not use (guardians,
 * interventions, requests for consent...) are ignored.
 */
public final class Projector implements AutoCloseable {

    private final ProjectionWriter writer;
    private final PupilProjection pupils;
    private final SupportProjection support;
    private final OppProjection opps;
    private final TeamProjection team;
    private final ConsentProjection consent;

    /** {@code erased}: the erased pupils, kept up to date by this projector as erasures come in. */
    public Projector(Connection connection, Set<UUID> erased) {
        writer = new ProjectionWriter(connection, erased);
        pupils = new PupilProjection(writer);
        support = new SupportProjection(writer);
        opps = new OppProjection(writer);
        team = new TeamProjection(writer);
        consent = new ConsentProjection(writer);
    }

    /** Applies one event; false if it was skipped (a type reports do not use, or an erased pupil). */
    public boolean apply(EventEnvelope event) throws SQLException {
        EventType type = EventType.byType(event.type()).orElse(null);
        if (type == null) {
            return false; // a newer producer's type: nothing reports use yet
        }
        return switch (type.topic()) {
            case Topics.PUPIL -> pupils.apply(type, event);
            case Topics.SUPPORT -> support.apply(type, event);
            case Topics.OPP -> opps.apply(type, event);
            case Topics.TEAM -> team.apply(type, event);
            case Topics.CONSENT -> consent.apply(type, event);
            default -> false;
        };
    }

    /** Executes what is batched, in the order the statements were first used. */
    public void flush() throws SQLException {
        writer.flush();
    }

    @Override
    public void close() throws SQLException {
        writer.close();
    }
}
