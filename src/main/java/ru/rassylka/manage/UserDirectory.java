package ru.rassylka.manage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import ru.rassylka.account.Role;
import ru.rassylka.account.User;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.persistence.LikePatterns;

/** All accounts, page by page, for managers and administrators; read-only. */
@Stateless
@RolesAllowed({Role.Names.MANAGER, Role.Names.ADMIN})
public class UserDirectory {

    /** Sortable columns: the view's field name → the JPQL path. */
    private static final Map<String, String> SORTABLE = Map.of(
            "email", "u.email",
            "fullName", "u.fullName",
            "city", "u.city",
            "createdAt", "u.createdAt");

    private static final String SEARCH =
            " where u.email like :pattern escape '\\' or lower(u.fullName) like :pattern escape '\\'";

    @PersistenceContext
    private EntityManager em;

    /** The account with this id; an unknown id is a refusal the page shows. */
    public User get(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new BusinessException("manage.users.notFound");
        }
        return user;
    }

    public List<User> page(String search, String sortField, boolean ascending, int first, int size) {
        String column = sortField == null ? null : SORTABLE.get(sortField);
        String order = (column == null ? "u.createdAt" : column) + (ascending ? " asc" : " desc") + ", u.id";
        return query("select u from User u", " order by " + order, search, User.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    public int count(String search) {
        return query("select count(u) from User u", "", search, Long.class)
                .getSingleResult()
                .intValue();
    }

    private <T> TypedQuery<T> query(String select, String order, String search, Class<T> type) {
        if (search == null || search.isBlank()) {
            return em.createQuery(select + order, type);
        }
        return em.createQuery(select + SEARCH + order, type).setParameter("pattern", LikePatterns.containing(search));
    }
}
