package io.herald.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Local source addresses 127.0.0.1 … 127.0.0.N, handed out in turn. One source address has about
 * 28,000 ephemeral ports towards one server port; rotating over several lifts that limit. With one
 * address nothing is bound and the kernel picks the source as usual.
 */
public final class LocalAddresses {

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
