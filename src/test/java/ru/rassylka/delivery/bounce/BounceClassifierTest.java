package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BounceClassifierTest {

    @ParameterizedTest(name = "{0} with \"{1}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            5.1.1  | 550 5.1.1 <a@example.org>... User Unknown                           | HARD
            5.1.2  | Host or domain name not found                                        | HARD
            5.1.10 | RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP lookup    | HARD
            5.1.3  | Bad destination mailbox address syntax                               | HARD
            5.1.6  | 551 User has moved                                                   | HARD
            5.0.0  | 550 Requested action not taken: mailbox unavailable                  | HARD
            5.0.0  | unknown user: "nobody"                                               | HARD
            5.7.1  | Recipient address rejected: Access denied                            | HARD
            5.2.2  | 552 5.2.2 Mailbox full, quota exceeded                               | SOFT
            5.7.1  | 554 5.7.1 Message rejected as spam by content filter                 | SOFT
            5.7.1  | Service unavailable; client host blocked using zen.spamhaus.org      | SOFT
            5.4.7  | Delivery expired (message too old) 'timeout'                         | SOFT
            5.2.3  | message too large for this recipient                                 | SOFT
            5.7.26 | Unauthenticated email is not accepted due to DMARC policy            | SOFT
            5.1.7  | No such domain neko.example.com                                      | SOFT
            5.0.0  | 550 Unroutable sender address                                        | SOFT
            4.1.1  | 450 4.1.1 User unknown in local recipient table                      | SOFT
            4.7.1  | 451 4.7.1 Service unavailable - try again later (greylisted)         | SOFT
            4.4.3  | Host or domain name not found. try again                             | SOFT
            5.3.0  | 550 5.3.0 Mail system error                                          | SOFT
            """)
    void aFailureIsHardOnlyWhenTheAddressItselfIsBad(String code, String diagnostic, BounceClass expected) {
        assertEquals(expected, BounceClassifier.classify(code, diagnostic));
    }

    @ParameterizedTest(name = "\"{0}\" without a status code is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            550 Unknown user kijitora@example.ne.jp                       | HARD
            User some.name (a@example.jp) not listed in Domino Directory  | HARD
            Пользователь не найден                                        | HARD
            Mail size limit exceeded                                      | SOFT
            421 Too many connections from your host                       | SOFT
            """)
    void theTextDecidesWhenThereIsNoCode(String diagnostic, BounceClass expected) {
        assertEquals(expected, BounceClassifier.classify(null, diagnostic));
    }

    @Test
    void aDeliveredStatusIsNoFailure() {
        assertNull(BounceClassifier.classify("2.0.0", "250 2.0.0 Ok: queued"));
    }

    @Test
    void nothingToGoOnIsNoFailure() {
        assertNull(BounceClassifier.classify(null, "Thank you for your message"));
    }

    @Test
    void theEnhancedCodeIsTakenFromTheReplyWithoutLeadingZeros() {
        assertEquals("5.1.10", BounceClassifier.enhancedCode("Remote Server returned '550 5.1.10 RESOLVER'"));
        assertEquals("5.5.0", BounceClassifier.enhancedCode("Unknown user (#5.5.0)"));
        assertNull(BounceClassifier.enhancedCode("IP 192.0.2.1 is listed"));
    }
}
