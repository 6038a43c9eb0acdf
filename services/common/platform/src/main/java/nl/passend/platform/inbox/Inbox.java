package nl.passend.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The ids of the events this service has processed, written in the transaction of their effect. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** Records the event id; false if it was processed before (then its effect must not be repeated). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String topic) {
        int inserted = em.createNativeQuery("""
                insert into inbox_event (event_id, topic, processed_at) values (:id, :topic, now())
                on conflict (event_id) do nothing
                """).setParameter("id", eventId).setParameter("topic", topic).executeUpdate();
        return inserted == 1;
    }
}
