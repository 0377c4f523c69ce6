package io.herald.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test: it issues server certificates for 127.0.0.1 and
 * localhost, writes them and their keys as the PEM files Herald reads ({@code tls-cert},
 * {@code tls-key}), and gives clients a trust store holding only itself. Each certificate has a serial
 * of its own, so a test can tell which one a handshake presented.
 */
public final class TestCa {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A server certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {

        public BigInteger serial() {
            return certificate.getSerialNumber();
        }

        /** Writes the chain and the PKCS#8 key as a renewal tool would: each to a temporary file, then moved over. */
        public void writeTo(Path certFile, Path keyFile) {
            replace(certFile, pem("CERTIFICATE", encoded(certificate)));
            replace(keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        }
    }

    public static TestCa create() {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=Herald test CA " + SERIALS.get());
        X509Certificate ca = sign(new JcaX509v3CertificateBuilder(name, nextSerial(), notBefore(), notAfter(), name,
                keys.getPublic()), keys, true);
        return new TestCa(keys, ca);
    }

    /** A certificate for {@code 127.0.0.1} and {@code localhost}, signed by this CA. */
    public Issued issue() {
        KeyPair server = ecKeys();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, nextSerial(), notBefore(),
                notAfter(), new X500Name("CN=localhost"), server.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return new Issued(sign(builder, keys, false), server);
    }

    /** The CA certificate as PEM, for clients that read a file (Node's NODE_EXTRA_CA_CERTS). */
    public void writeCertificate(Path file) {
        replace(file, pem("CERTIFICATE", encoded(certificate)));
    }

    /** A client TLS context that trusts this CA and nothing else. */
    public SSLContext clientContext() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("test-ca", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer, boolean ca) {
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code content} to a temporary file beside {@code file}, then moves it over {@code file} in one step. */
    public static void replace(Path file, String content) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, content, StandardCharsets.US_ASCII);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigInteger nextSerial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }
}
