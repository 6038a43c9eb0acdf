package nl.passend.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Applies the broker access table ({@code deploy/kafka/access.conf}) to a Kafka broker: creates the
 * topics and the dead-letter topics, gives every service principal its SCRAM credential, and leaves
 * each principal exactly the ACLs the table gives it (write its own topics and dead-letter topics,
 * read what it consumes in its own consumer group). Run by deploy/local/start and the compose init
 * container as a single-file program, and compiled into the test harness for the test broker:
 * <pre>java -cp 'kafka/lib/*' deploy/kafka/BrokerAccess.java BOOTSTRAP ADMIN_CONFIG ACCESS_CONF SECRETS_DIR PARTITIONS</pre>
 * SECRETS_DIR holds one file per principal with its password.
 */
public final class BrokerAccess {

    /** The SCRAM mechanism every principal authenticates with. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BrokerAccess() {
    }

    /** One line of the table: what a principal may write and read. */
    public record Grant(String principal, List<String> writes, List<String> reads) {

        /** The dead-letter topics of what the principal reads, e.g. {@code passend.pupil.dlq.opp-service}. */
        public List<String> deadLetterTopics() {
            return reads.stream().map(topic -> topic + ".dlq." + principal).toList();
        }

        Set<AclBinding> acls() {
            String user = "User:" + principal;
            Set<AclBinding> acls = new LinkedHashSet<>();
            for (String topic : concat(writes, deadLetterTopics())) {
                acls.add(allow(ResourceType.TOPIC, topic, user, AclOperation.WRITE));
            }
            for (String topic : reads) {
                acls.add(allow(ResourceType.TOPIC, topic, user, AclOperation.READ));
            }
            if (!reads.isEmpty()) {
                acls.add(allow(ResourceType.GROUP, principal, user, AclOperation.READ));
            }
            return acls;
        }
    }

    /** Parses the table: {@code principal writes reads}, comma-separated lists, {@code -} for none. */
    public static List<Grant> parse(Collection<String> lines) {
        List<Grant> grants = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException("access table: expected 'principal writes reads', got: " + line);
            }
            grants.add(new Grant(fields[0], list(fields[1]), list(fields[2])));
        }
        return grants;
    }

    public static List<Grant> read(InputStream table) throws IOException {
        return parse(new String(table.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList());
    }

    /**
     * Creates the topics (the written ones with {@code partitions} partitions, dead-letter topics with one),
     * upserts each principal's SCRAM credential and replaces its ACLs by the table's, then waits until the
     * broker answers with all of them.
     */
    public static void apply(Admin admin, List<Grant> grants, Function<String, String> passwords, int partitions) {
        try {
            createTopics(admin, grants, partitions);
            List<UserScramCredentialUpsertion> credentials = grants.stream()
                    .map(g -> new UserScramCredentialUpsertion(g.principal(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), passwords.apply(g.principal())))
                    .toList();
            admin.alterUserScramCredentials(List.copyOf(credentials)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (Grant grant : grants) {
                replaceAcls(admin, grant);
            }
            awaitVisible(admin, grants);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot apply the broker access table: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying the broker access table", e);
        }
    }

    private static void createTopics(Admin admin, List<Grant> grants, int partitions)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        Set<String> planned = new HashSet<>(existing);
        for (Grant grant : grants) {
            for (String topic : grant.writes()) {
                if (planned.add(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            for (String topic : grant.deadLetterTopics()) {
                if (planned.add(topic)) {
                    missing.add(new NewTopic(topic, 1, (short) 1));
                }
            }
        }
        try {
            admin.createTopics(missing).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void replaceAcls(Admin admin, Grant grant)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Set<AclBinding> wanted = grant.acls();
        AclBindingFilter ofPrincipal = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:" + grant.principal(), null, AclOperation.ANY,
                        AclPermissionType.ANY));
        Collection<AclBinding> present = admin.describeAcls(ofPrincipal).values()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<AclBindingFilter> stale = present.stream().filter(acl -> !wanted.contains(acl))
                .map(AclBinding::toFilter).toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        List<AclBinding> missing = wanted.stream().filter(acl -> !present.contains(acl)).toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The controller commits credentials and ACLs; this waits until the broker serves them too. */
    private static void awaitVisible(Admin admin, List<Grant> grants)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Set<AclBinding> wanted = new HashSet<>();
        grants.forEach(g -> wanted.addAll(g.acls()));
        List<String> users = grants.stream().map(Grant::principal).toList();
        while (true) {
            Collection<AclBinding> acls = admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            boolean credentials = hasCredentials(admin, users);
            if (credentials && acls.containsAll(wanted)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker does not show every credential and ACL after " + TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    private static boolean hasCredentials(Admin admin, List<String> users)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            return admin.describeUserScramCredentials(users).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .size() == users.size();
        } catch (ExecutionException e) {
            return false; // ResourceNotFoundException: a credential is not on the broker yet
        }
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static List<String> list(String field) {
        return field.equals("-") ? List.of() : Arrays.stream(field.split(",")).map(String::strip).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: BrokerAccess BOOTSTRAP ADMIN_CONFIG ACCESS_CONF SECRETS_DIR PARTITIONS");
            System.exit(2);
        }
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            config.load(in);
        }
        config.put("bootstrap.servers", args[0]);
        List<Grant> grants;
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
            grants = read(in);
        }
        Path secrets = Path.of(args[3]);
        Function<String, String> passwords = principal -> {
            try {
                return Files.readString(secrets.resolve(principal)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("no password file for " + principal + " in " + secrets, e);
            }
        };
        try (Admin admin = Admin.create(config)) {
            apply(admin, grants, passwords, Integer.parseInt(args[4]));
        }
        System.out.println("broker access: " + grants.size() + " principals, each with exactly its ACLs");
    }
}
