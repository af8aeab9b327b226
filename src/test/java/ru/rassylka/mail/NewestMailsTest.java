package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NewestMailsTest {

    private final NewestMails mails = new NewestMails(DevMailbox.KEPT);

    private void receive(int count) {
        for (int i = 1; i <= count; i++) {
            mails.add(new CapturedMail(0, Instant.EPOCH, "from@example.org", "to@example.org", "Письмо " + i, "Текст"));
        }
    }

    private static List<Long> numbers(List<CapturedMail> page) {
        return page.stream().map(CapturedMail::number).toList();
    }

    @Test
    void feeding1500EmailsKeepsExactlyTheNewest1000AndCounts500Dropped() {
        receive(1500);

        assertEquals(1000, mails.kept());
        assertEquals(500, mails.dropped());
        List<CapturedMail> all = mails.page(0, 2000);
        assertEquals(LongStream.iterate(1500, n -> n - 1).limit(1000).boxed().toList(), numbers(all));
        assertEquals("Письмо 1500", all.get(0).subject());
        assertEquals("Письмо 501", all.get(999).subject());
    }

    @Test
    void aPageHoldsOnlyItsOwnEmailsNewestFirst() {
        receive(120);

        assertEquals(List.of(120L, 119L, 118L), numbers(mails.page(0, 3)));
        assertEquals(List.of(70L, 69L), numbers(mails.page(50, 2)));
        assertEquals(List.of(2L, 1L), numbers(mails.page(118, 50)));
        assertEquals(List.of(), numbers(mails.page(120, 50)));
    }

    @Test
    void nothingIsDroppedUpToTheBound() {
        receive(1000);

        assertEquals(1000, mails.kept());
        assertEquals(0, mails.dropped());
    }
}
