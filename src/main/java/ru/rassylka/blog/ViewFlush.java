package ru.rassylka.blog;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.logging.Logger;
import ru.rassylka.platform.persistence.Transactions;

/**
 * Writes the views counted on this instance ({@link ViewCounts}): one UPDATE per viewed article in
 * one short transaction, in the order of the ids, so that two instances writing at once cannot
 * deadlock. The counts are forgotten only after the commit; a failure (e.g. the database is down)
 * keeps them for the next flush. The transaction is demarcated here because the counts must be
 * subtracted after it committed.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class ViewFlush {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Inject
    private ViewCounts counts;

    @Inject
    private Logger logger;

    /** Writes the unwritten views; a failure is logged once until a flush succeeds again. */
    public void flush() {
        boolean wasFailing = counts.isFailing();
        try {
            long written = counts.flush(this::write);
            if (wasFailing) {
                logger.info(() -> "Article views are written again: " + written + " kept while the database failed");
            }
        } catch (RuntimeException e) {
            if (!wasFailing) {
                logger.warning(
                        () -> "Article views not written, " + counts.unwrittenTotal() + " kept for the next try: " + e);
            }
        }
    }

    private Set<Long> write(SortedMap<Long, Long> views) {
        return Transactions.in(transaction, () -> {
            Set<Long> gone = new HashSet<>();
            views.forEach((id, count) -> {
                if (em.createNamedQuery(Article.ADD_VIEWS)
                                .setParameter(1, count)
                                .setParameter(2, id)
                                .executeUpdate()
                        == 0) {
                    gone.add(id);
                }
            });
            return gone;
        });
    }
}
