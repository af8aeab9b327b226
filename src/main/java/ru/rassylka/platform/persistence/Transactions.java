package ru.rassylka.platform.persistence;

import jakarta.transaction.UserTransaction;
import java.util.function.Supplier;

/** Short transactions demarcated by hand, for beans that must act between them (e.g. after a commit). */
public final class Transactions {

    private Transactions() {}

    /** Runs the work in a new transaction: committed when it returns, rolled back when it throws. */
    public static <T> T in(UserTransaction transaction, Supplier<T> work) {
        try {
            transaction.begin();
            try {
                T result = work.get();
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The transaction failed", e);
        }
    }
}
