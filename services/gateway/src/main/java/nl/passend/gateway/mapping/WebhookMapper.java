package nl.passend.gateway.mapping;

import java.util.List;
import nl.passend.gateway.api.model.Responses.ChangeResponse;
import nl.passend.gateway.api.model.Responses.DeliveryResponse;
import nl.passend.gateway.api.model.Responses.SubscriptionResponse;
import nl.passend.gateway.api.model.Responses;
import nl.passend.gateway.domain.ChangeEntry;
import nl.passend.gateway.domain.Delivery;
import nl.passend.gateway.domain.Subscription;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entities to API records; entities never leave the gateway as they are (the secrets least of all). */
@Mapper
public interface WebhookMapper {

    /** @param secret the plain secret, only in the answer that made it; null otherwise */
    @Mapping(target = "previousSecretValidUntil", source = "subscription.previousSecretUntil")
    @Mapping(target = "secret", source = "secret")
    SubscriptionResponse toResponse(Subscription subscription, String secret);

    default SubscriptionResponse toResponse(Subscription subscription) {
        return toResponse(subscription, null);
    }

    default List<SubscriptionResponse> toResponses(List<Subscription> subscriptions) {
        return subscriptions.stream().map(this::toResponse).toList();
    }

    @Mapping(target = "subject", source = "eventKey")
    @Mapping(target = "nextAttemptAt",
            expression = "java(delivery.status == nl.passend.gateway.domain.DeliveryStatus.PENDING ? delivery.nextAttemptAt : null)")
    DeliveryResponse toResponse(Delivery delivery);

    List<DeliveryResponse> toDeliveryResponses(List<Delivery> deliveries);

    ChangeResponse toResponse(ChangeEntry entry);

    List<ChangeResponse> toChangeResponses(List<ChangeEntry> entries);
}
