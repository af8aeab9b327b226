package ru.rassylka.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client's address of a request that may have passed reverse proxies: {@code X-Forwarded-For}
 * is believed only as far as it was written by trusted proxies, read from the right (each proxy
 * appends the address it received the request from), so a client cannot pick its own address.
 */
public final class ForwardedFor {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private ForwardedFor() {}

    /**
     * @param lines every {@code X-Forwarded-For} line of the request in order: a proxy may append its
     *     own line instead of extending the last one (HAProxy's {@code option forwardfor}), so the
     *     lines are one list, and the first one is the client's own
     */
    public static String client(String remoteAddress, List<String> lines, Set<String> trustedProxies) {
        if (lines.isEmpty() || !trustedProxies.contains(canonical(remoteAddress))) {
            return remoteAddress;
        }
        String client = remoteAddress;
        List<String> hops =
                lines.stream().flatMap(line -> Arrays.stream(line.split(","))).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (hop.isEmpty()) {
                break;
            }
            client = hop;
            if (!trustedProxies.contains(canonical(hop))) {
                break;
            }
        }
        return client;
    }

    /** One spelling per IP address ("::1" and "0:0:0:0:0:0:0:1" alike); anything else as it is. */
    public static String canonical(String address) {
        return literal(address).map(InetAddress::getHostAddress).orElse(address);
    }

    /** The IP address an IP literal stands for, without any name lookup; empty for anything else. */
    public static Optional<InetAddress> literal(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address)); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
