package ru.rassylka.platform.web;

import java.util.List;
import java.util.Set;

/**
 * The client's address of a request that may have passed reverse proxies: {@code X-Forwarded-For}
 * is believed only as far as it was written by trusted proxies, read from the right (each proxy
 * appends the address it received the request from), so a client cannot pick its own address.
 */
public final class ForwardedFor {

    private ForwardedFor() {}

    public static String client(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
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
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return client;
    }
}
