package nl.passend.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(WebhookSender.retryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookSender.retryAfter("Mon, 07 Dec 2026 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookSender.retryAfter("Mon, 07 Dec 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(WebhookSender.retryAfter(null, now)).isNull();
        assertThat(WebhookSender.retryAfter("-5", now)).isNull();
        assertThat(WebhookSender.retryAfter("soon", now)).isNull();
    }

    @Test
    void aFailureWithoutAnAnswerHasAShortStableCode() {
        assertThat(WebhookSender.errorCode(new ConnectTimeoutException("slow"), false)).isEqualTo("connect-timeout");
        assertThat(WebhookSender.errorCode(new TimeoutException("no connection in time"), false))
                .isEqualTo("connect-timeout");
        assertThat(WebhookSender.errorCode(new TimeoutException("no answer in time"), true)).isEqualTo("timeout");
        assertThat(WebhookSender.errorCode(new IOException(new ConnectException("refused")), false))
                .isEqualTo("connection-refused");
        assertThat(WebhookSender.errorCode(new DecoderException(new SSLHandshakeException("bad certificate")), false))
                .isEqualTo("tls");
        assertThat(WebhookSender.errorCode(new UnknownHostException("hook.example.test"), false))
                .isEqualTo("unknown-host");
        assertThat(WebhookSender.errorCode(new IOException("reset"), true)).isEqualTo("io-error");
        assertThat(WebhookSender.errorCode(new HttpClosedException("closed"), true)).isEqualTo("io-error");
        assertThat(WebhookSender.errorCode(new IllegalStateException("?"), true)).isEqualTo("error");
    }

    @Test
    void onlyA2xxAnswerIsDelivered() {
        assertThat(WebhookSender.Outcome.answered(200, null).delivered()).isTrue();
        assertThat(WebhookSender.Outcome.answered(204, null).delivered()).isTrue();
        WebhookSender.Outcome redirect = WebhookSender.Outcome.answered(301, null);
        assertThat(redirect.delivered()).isFalse();
        assertThat(redirect.error()).isEqualTo("http-301");
        assertThat(WebhookSender.Outcome.answered(503, Duration.ofSeconds(5)).retryAfter())
                .isEqualTo(Duration.ofSeconds(5));
    }
}
