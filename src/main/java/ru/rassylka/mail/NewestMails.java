package ru.rassylka.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The newest e-mails of the development mailbox, at most a bound of them, and how many older ones
 * were dropped to keep it: a trial run to many recipients would otherwise fill the heap. Pages are
 * copied one at a time, never the whole mailbox.
 */
final class NewestMails {

    private final int capacity;
    private final ArrayDeque<CapturedMail> newestFirst;
    private long received;

    NewestMails(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.newestFirst = new ArrayDeque<>(capacity + 1);
    }

    /** Keeps the e-mail as the newest, numbered in order of arrival from 1, and drops the oldest beyond the bound. */
    synchronized void add(CapturedMail mail) {
        received++;
        newestFirst.addFirst(mail.numbered(received));
        if (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    synchronized int kept() {
        return newestFirst.size();
    }

    /** The older e-mails dropped to keep the bound. */
    synchronized long dropped() {
        return received - newestFirst.size();
    }

    /** Up to {@code size} kept e-mails, newest first, from the {@code first}-th (0 is the newest). */
    synchronized List<CapturedMail> page(int first, int size) {
        List<CapturedMail> page = new ArrayList<>(Math.max(0, Math.min(size, newestFirst.size() - first)));
        Iterator<CapturedMail> mails = newestFirst.iterator();
        for (int skipped = 0; skipped < first && mails.hasNext(); skipped++) {
            mails.next();
        }
        while (page.size() < size && mails.hasNext()) {
            page.add(mails.next());
        }
        return page;
    }
}
