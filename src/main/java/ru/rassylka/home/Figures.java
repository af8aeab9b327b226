package ru.rassylka.home;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.expiry.Duration;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.platform.Caches;

/**
 * The home page's figures. A USER sees their own; anonymous visitors, managers and administrators
 * see the whole service's. Both come from the server's JCache and are at most a minute old: the
 * global ones are recounted every minute by {@link FiguresRefresh}, a user's own expire after a minute.
 */
@Stateless
@PermitAll
public class Figures {

    static final String CACHE = "rassylka.home.figures";
    static final String GLOBAL = "*";

    /** Mailings that will send by themselves: not paused, disabled or deleted, and with a send left (not COMPLETED). */
    private static final String MAILINGS = "select count(m) from Mailing m where m.deletedAt is null";

    private static final String ACTIVE = " and m.pausedAt is null and m.disabledAt is null and m.nextRunAt is not null";
    private static final String CLIENTS = "select count(distinct c.email) from Client c";
    private static final String MAILINGS_OF = " and m.owner.email = :owner";
    private static final String CLIENTS_OF = " where c.owner.email = :owner";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SecurityContext security;

    @Inject
    private CacheManager manager;

    private Cache<String, HomeFigures> cache;

    @PostConstruct
    void open() {
        cache = Caches.open(manager, CACHE, Duration.ONE_MINUTE);
    }

    /** The figures the caller is to see. */
    public HomeFigures forCaller() {
        Principal caller = security.getCallerPrincipal();
        boolean ownOnly = caller != null
                && security.isCallerInRole(Role.Names.USER)
                && !security.isCallerInRole(Role.Names.MANAGER)
                && !security.isCallerInRole(Role.Names.ADMIN);
        if (ownOnly) {
            String owner = User.normalizeEmail(caller.getName());
            return Caches.get(cache, owner, () -> countOf(owner));
        }
        return Caches.get(cache, GLOBAL, this::countAll);
    }

    /** Counts the whole service's figures again and puts them in the cache. */
    public void refreshGlobal() {
        cache.put(GLOBAL, countAll());
    }

    private HomeFigures countAll() {
        return new HomeFigures(
                em.createQuery(MAILINGS, Long.class).getSingleResult(),
                em.createQuery(MAILINGS + ACTIVE, Long.class).getSingleResult(),
                em.createQuery(CLIENTS, Long.class).getSingleResult());
    }

    private HomeFigures countOf(String owner) {
        return new HomeFigures(
                em.createQuery(MAILINGS + MAILINGS_OF, Long.class)
                        .setParameter("owner", owner)
                        .getSingleResult(),
                em.createQuery(MAILINGS + ACTIVE + MAILINGS_OF, Long.class)
                        .setParameter("owner", owner)
                        .getSingleResult(),
                em.createQuery(CLIENTS + CLIENTS_OF, Long.class)
                        .setParameter("owner", owner)
                        .getSingleResult());
    }
}
