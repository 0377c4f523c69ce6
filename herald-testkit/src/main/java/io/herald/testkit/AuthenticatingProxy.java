package io.herald.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A forward HTTP proxy on a loopback port that demands Basic credentials: a request without the
 * right {@code Proxy-Authorization} gets 407, one with it is forwarded to its absolute URI (one
 * request per connection, {@code Connection: close} both ways). Plain {@code http://} targets only.
 * Records each request line it saw and whether it was let through.
 */
public final class AuthenticatingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String user;
    private final String password;
    private final byte[] expected;
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

    private AuthenticatingProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.user = user;
        this.password = password;
        this.expected = ("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
        Thread acceptor = new Thread(this::acceptLoop, "authenticating-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy that lets through requests authenticated as {@code user} with {@code password}. */
    public static AuthenticatingProxy start(String user, String password) {
        try {
            return new AuthenticatingProxy(user, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}, without credentials. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code http://USER:PASSWORD@127.0.0.1:PORT}, each part URL-encoded. */
    public String urlWithCredentials() {
        return "http://" + encode(user) + ":" + encode(password) + "@127.0.0.1:" + port();
    }

    /** The next request seen, as {@code "200 POST http://host:port/path?query"} or {@code "407 …"}. */
    public String nextRequest() throws InterruptedException {
        String line = seen.poll(RecordingClient.TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("the proxy saw no request within " + RecordingClient.TIMEOUT);
        }
        return line;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> handle(client), "authenticating-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            String credentials = header(head, "proxy-authorization");
            boolean allowed = credentials != null
                    && MessageDigest.isEqual(expected, credentials.getBytes(StandardCharsets.UTF_8));
            seen.add((allowed ? "200 " : "407 ") + requestLine[0] + " " + requestLine[1]);
            byte[] body = in.readNBytes(contentLength(head));
            OutputStream out = client.getOutputStream();
            if (!allowed) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"herald-test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write(forward(requestLine, head, body));
        } catch (IOException e) {
            // the client went away; nothing to report
        }
    }

    private static byte[] forward(String[] requestLine, List<String> head, byte[] body) throws IOException {
        URI target = URI.create(requestLine[1]);
        try (Socket origin = new Socket(target.getHost(), target.getPort() == -1 ? 80 : target.getPort())) {
            StringBuilder request = new StringBuilder(requestLine[0] + " " + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(line).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            origin.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            origin.getOutputStream().write(body);
            InputStream answer = origin.getInputStream();
            List<String> responseHead = readHead(answer);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            response.write((responseHead.get(0) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (String line : responseHead.subList(1, responseHead.size())) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    response.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            response.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            // Without a length the origin ends the body by closing (Connection: close).
            response.write(header(responseHead, "content-length") == null ? answer.readAllBytes()
                    : answer.readNBytes(contentLength(responseHead)));
            return response.toByteArray();
        }
    }

    /** The request or status line and the header lines, up to the empty line. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static int contentLength(List<String> head) {
        String length = header(head, "content-length");
        return length == null ? 0 : Integer.parseInt(length);
    }

    private static String encode(String part) {
        return java.net.URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
