package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.config.ServerOptions;
import io.herald.server.tls.ServerTls;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestCa;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -HUP} makes {@code herald server --tls-cert … --tls-key …} serve a renewed certificate
 * at once, where its periodic check of the files ({@link ServerTls#CHECK_INTERVAL}) could take up to
 * that long; connections opened with the old certificate stay.
 */
class TlsReloadTest {

    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private final TestCa ca = TestCa.create();
    private int port;

    @Test
    void sighupServesARenewedCertificateBeforeThePeriodicCheckCouldWhileOpenConnectionsStay() {
        Path certFile = dir.resolve("server.crt");
        Path keyFile = dir.resolve("server.key");
        TestCa.Issued first = ca.issue();
        first.writeTo(certFile, keyFile);
        try (HeraldProcess server = HeraldProcess.startServer("--port", "0", "--tls-cert", certFile.toString(),
                "--tls-key", keyFile.toString());
             RecordingClient open = RecordingClient.connect("wss://127.0.0.1:" + server.port() + "/app/"
                     + ServerOptions.DEFAULT_APP.key() + "?protocol=7", ca.clientContext())) {
            port = server.port();
            assertThat(serialOfANewConnection()).isEqualTo(first.serial());

            // A renewal left to the periodic check shows when that check runs: the next one is a whole
            // interval later at the earliest (it runs with a fixed delay).
            TestCa.Issued second = ca.issue();
            long written = System.nanoTime();
            second.writeTo(certFile, keyFile);
            long checkedAfter = lastHandshakeBefore(second.serial(), written,
                    written + ServerTls.CHECK_INTERVAL.multipliedBy(3).toNanos());
            long nextCheck = checkedAfter + ServerTls.CHECK_INTERVAL.toNanos();

            // Renewed again and signalled: only the signal can make new handshakes see it before nextCheck.
            TestCa.Issued third = ca.issue();
            third.writeTo(certFile, keyFile);
            server.hangUp();
            lastHandshakeBefore(third.serial(), System.nanoTime(), nextCheck);

            open.subscribe("after-renewals");
            open.assertSubscribed("after-renewals");
            assertThat(open.isClosed()).as("the connection opened with the first certificate").isFalse();
        }
    }

    /**
     * Opens a new TLS connection every {@link #POLL} until one presents {@code serial}, failing at
     * {@code deadline} ({@link System#nanoTime()}); returns when the last attempt that still saw another
     * certificate began ({@code since} if none did), after which the certificate was installed.
     */
    private long lastHandshakeBefore(BigInteger serial, long since, long deadline) {
        long lastMiss = since;
        while (true) {
            long attempt = System.nanoTime();
            BigInteger seen = serialOfANewConnection();
            boolean late = System.nanoTime() >= deadline;
            if (seen.equals(serial) && !late) {
                return lastMiss;
            }
            if (late) {
                throw new AssertionError("certificate " + serial + " not presented by the deadline; a new handshake got " + seen);
            }
            lastMiss = attempt;
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private BigInteger serialOfANewConnection() {
        try (SSLSocket socket = (SSLSocket) ca.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        } catch (IOException e) {
            throw new AssertionError("TLS handshake with the server failed", e);
        }
    }
}
