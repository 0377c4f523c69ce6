package io.herald.server.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate chain of {@code tls-cert} and the private key of {@code tls-key}, read from PEM and
 * checked to belong together (the key signs, the first certificate's public key verifies).
 *
 * @param chain the server's certificate first, then any intermediates
 * @param key the server certificate's private key
 */
record ServerKeyPair(List<X509Certificate> chain, PrivateKey key) {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    /** Parses the files' contents; every error names the file it is about. */
    static ServerKeyPair parse(Path certFile, byte[] certPem, Path keyFile, byte[] keyPem) {
        List<X509Certificate> chain = certificates(certFile, certPem);
        PrivateKey key = privateKey(keyFile, new String(keyPem, StandardCharsets.US_ASCII), chain.get(0));
        if (!belongTogether(key, chain.get(0), keyFile)) {
            throw new TlsException("tls-key " + keyFile + " is not the private key of the certificate in tls-cert "
                    + certFile + " (" + chain.get(0).getSubjectX500Principal().getName() + ")");
        }
        return new ServerKeyPair(chain, key);
    }

    private static List<X509Certificate> certificates(Path file, byte[] pem) {
        try {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new TlsException("tls-cert " + file + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            return chain;
        } catch (CertificateException e) {
            throw new TlsException("tls-cert " + file + " is not a PEM certificate chain (-----BEGIN CERTIFICATE-----): "
                    + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file, String pem, X509Certificate certificate) {
        Matcher pkcs8 = PKCS8.matcher(pem);
        if (!pkcs8.find()) {
            throw new TlsException("tls-key " + file + " holds no " + wanted(pem));
        }
        String algorithm = certificate.getPublicKey().getAlgorithm();
        try {
            byte[] der = Base64.getMimeDecoder().decode(pkcs8.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TlsException("tls-key " + file + " is not a " + algorithm + " private key, as the certificate's key is: "
                    + e.getMessage(), e);
        }
    }

    /** What the file should hold, said with what it seems to hold instead. */
    private static String wanted(String pem) {
        String unencryptedPkcs8 = "unencrypted PKCS#8 private key (-----BEGIN PRIVATE KEY-----)";
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----") || pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
            return unencryptedPkcs8 + " but an older key format; convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";
        }
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            return unencryptedPkcs8 + " but an encrypted one; decrypt it with"
                    + " openssl pkcs8 -in key.pem -out key-pkcs8.pem and make it readable by Herald's user only";
        }
        return unencryptedPkcs8;
    }

    private static boolean belongTogether(PrivateKey key, X509Certificate certificate, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new TlsException("tls-key " + keyFile + ": keys of type " + key.getAlgorithm()
                    + " are not supported; use RSA, EC or Ed25519");
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
