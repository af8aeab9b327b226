package ru.rassylka.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
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

    public static String client(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(canonical(remoteAddress))) {
            return remoteAddress;
        }
        String client = remoteAddress;
        List<String> hops = List.of(forwardedFor.split(","));
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
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            return InetAddress.getByName(address).getHostAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
