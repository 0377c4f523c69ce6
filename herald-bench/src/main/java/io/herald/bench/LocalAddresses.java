package io.herald.bench;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Local source addresses 127.0.0.1 … 127.0.0.N, handed out in turn. One source address has about
 * 28,000 ephemeral ports towards one server port, and Linux hands connections only the even half
 * of them until those run out: past about 14,000 connections from one address every further
 * connect scans the whole even half (measured: 2,500 connects/s at 19,000 connections on one
 * address, 8,000–9,000/s on four). Rotating over several addresses keeps each one's share small.
 * With one address nothing is bound and the kernel picks the source as usual.
 */
public final class LocalAddresses {

    /** Connections per source address when the count is chosen for the run: well inside the even half. */
    static final int CONNECTIONS_PER_ADDRESS = 5_000;

    private final List<InetAddress> addresses;

    private LocalAddresses(List<InetAddress> addresses) {
        this.addresses = addresses;
    }

    /** 127.0.0.1 … 127.0.0.{count}; {@code count} between 1 and 254. */
    public static LocalAddresses loopback(int count) {
        if (count < 1 || count > 254) {
            throw new IllegalArgumentException("local addresses must be between 1 and 254, was " + count);
        }
        List<InetAddress> list = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            try {
                list.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return new LocalAddresses(List.copyOf(list));
    }

    /**
     * How many addresses {@code connections} towards {@code hosts} should rotate over: one per
     * {@link #CONNECTIONS_PER_ADDRESS} when every host is an IPv4 loopback address and the native
     * transport can leave the port to connect time; otherwise 1, as nothing else can be bound.
     */
    static int countFor(int connections, List<String> hosts) {
        if (!Transport.portAtConnect() || !hosts.stream().allMatch(LocalAddresses::isIpv4Loopback)) {
            return 1;
        }
        return Math.max(1, Math.min(254, (connections + CONNECTIONS_PER_ADDRESS - 1) / CONNECTIONS_PER_ADDRESS));
    }

    private static boolean isIpv4Loopback(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address instanceof Inet4Address && address.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // the connections themselves will report it
        }
    }

    /** How many addresses rotate. */
    public int size() {
        return addresses.size();
    }

    /** The address connection {@code index} binds to (port 0), or {@code null} to let the kernel choose. */
    public InetSocketAddress forConnection(int index) {
        if (addresses.size() == 1) {
            return null;
        }
        return new InetSocketAddress(addresses.get(Math.floorMod(index, addresses.size())), 0);
    }
}
