#!/bin/bash
# Applies deploy/kafka/access.conf to the compose broker (topics, one credential per service, exactly its
# ACLs), with the passwords from PASSEND_KAFKA_<PRINCIPAL>_PASSWORD (pupil-service: ..._PUPIL_SERVICE_...).
set -euo pipefail
secrets=$(mktemp -d)
for principal in admin $(grep -v '^\s*#' /passend/kafka/access.conf | awk 'NF {print $1}'); do
  var="PASSEND_KAFKA_$(tr 'a-z-' 'A-Z_' <<<"$principal")_PASSWORD"
  [ -n "${!var:-}" ] || { echo "kafka-access: set $var" >&2; exit 1; }
  printf '%s' "${!var}" >"$secrets/$principal"
done
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="%s";\n' \
  "$PASSEND_KAFKA_ADMIN_PASSWORD" >"$secrets/admin.properties"
for _ in $(seq 1 60); do (exec 3<>/dev/tcp/kafka/9092) 2>/dev/null && break; sleep 2; done
exec java -cp '/opt/kafka/libs/*' /passend/kafka/BrokerAccess.java kafka:9092 "$secrets/admin.properties" \
  /passend/kafka/access.conf "$secrets" 6
