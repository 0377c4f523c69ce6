package io.herald.server.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the server's port from {@code tls-cert} and {@code tls-key}, through BoringSSL
 * (netty-tcnative) where it loads, else the JDK. {@link #reloadIfChanged()} reads the files again;
 * when they changed and are good, new connections get the new certificate while open ones keep
 * theirs, so a renewal needs no restart and drops nobody.
 * <p>
 * Thread-safe: handlers are made on event loops while a reload runs on the timer or signal thread.
 */
public final class ServerTls {

    /** How often the files are looked at for a renewal (SIGHUP looks at once). */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);

    private final Path certFile;
    private final Path keyFile;
    private final SslProvider provider;
    private volatile SslContext context;
    private volatile X509Certificate certificate;
    /** The files as last loaded or last refused, to act only on a change. */
    private Contents loaded;
    private Contents refused;

    private ServerTls(Path certFile, Path keyFile) {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** Reads and checks both files; a {@link TlsException} names the file that can't be used. */
    public static ServerTls load(Path certFile, Path keyFile) {
        ServerTls tls = new ServerTls(certFile, keyFile);
        Contents files = tls.read();
        tls.install(files);
        log.info("TLS with {}: {} (valid until {})", tls.provider == SslProvider.OPENSSL
                        ? OpenSsl.versionString() + " (netty-tcnative)"
                        : "the JDK's TLS (OpenSSL unavailable: " + OpenSsl.unavailabilityCause() + ")",
                tls.certificate.getSubjectX500Principal().getName(), tls.certificate.getNotAfter().toInstant());
        return tls;
    }

    /** A handler for a new connection, with the certificate loaded last. */
    public SslHandler newHandler(ByteBufAllocator alloc) {
        return context.newHandler(alloc);
    }

    /**
     * Loads the files again if their bytes changed since the last load; returns whether new
     * connections now get a new certificate. Files that can't be used (half-written, a key that
     * doesn't match yet) are logged once and the current certificate stays; never throws.
     */
    public synchronized boolean reloadIfChanged() {
        Contents files;
        try {
            files = read();
        } catch (TlsException e) {
            log.warn("Keeping the current TLS certificate: {}", e.getMessage());
            return false;
        }
        if (files.sameAs(loaded) || files.sameAs(refused)) {
            return false;
        }
        try {
            install(files);
            log.info("TLS certificate reloaded: {} (valid until {})", certificate.getSubjectX500Principal().getName(),
                    certificate.getNotAfter().toInstant());
            return true;
        } catch (TlsException e) {
            refused = files;
            log.warn("Keeping the current TLS certificate: {}", e.getMessage());
            return false;
        }
    }

    /** The two files' contents, read together. */
    private record Contents(byte[] cert, byte[] key) {

        boolean sameAs(Contents other) {
            return other != null && Arrays.equals(cert, other.cert) && Arrays.equals(key, other.key);
        }
    }

    private Contents read() {
        return new Contents(readFile("tls-cert", certFile), readFile("tls-key", keyFile));
    }

    private static byte[] readFile(String setting, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TlsException(setting + " " + file + " can't be read: " + e, e);
        }
    }

    private void install(Contents files) {
        ServerKeyPair pair = ServerKeyPair.parse(certFile, files.cert(), keyFile, files.key());
        try {
            this.context = SslContextBuilder.forServer(pair.key(), pair.chain().toArray(X509Certificate[]::new))
                    .sslProvider(provider)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsException("tls-cert " + certFile + " and tls-key " + keyFile + " can't be used: " + e.getMessage(), e);
        }
        this.certificate = pair.chain().get(0);
        this.loaded = files;
        this.refused = null;
    }
}
