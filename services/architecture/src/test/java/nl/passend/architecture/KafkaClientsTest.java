package nl.passend.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kafka is used through SmallRye Reactive Messaging: the platform's consumer (an {@code @Incoming}
 * channel) and the outbox relay's emitter. The one plain client is reporting-service's feed, which keeps
 * its own positions for replay (its README says why).
 */
class KafkaClientsTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.passend");

    @Test
    void everyModulesClassesAreChecked() {
        for (String module : List.of("pupil", "consent", "opp", "support", "team", "reporting", "gateway", "platform",
                "events")) {
            assertTrue(MAIN_CLASSES.containPackage("nl.passend." + module), "classes of nl.passend." + module);
        }
    }

    @Test
    void noClassButTheReportingFeedUsesAKafkaConsumerOrProducerDirectly() {
        noClasses().that().doNotHaveFullyQualifiedName("nl.passend.reporting.messaging.EventFeed")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.KafkaConsumer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.Consumer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.producer.Producer")
                .because("Kafka is used through SmallRye Reactive Messaging (quarkus-messaging-kafka)")
                .check(MAIN_CLASSES);
    }
}
