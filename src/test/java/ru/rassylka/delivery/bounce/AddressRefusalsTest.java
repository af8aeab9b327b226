package ru.rassylka.delivery.bounce;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressRefusalsTest {

    @Test
    void aRefusalWithStatus511IsABadAddress() {
        assertTrue(AddressRefusals.isAddressBad(
                550, "5.1.1 <ivan@example.org>: Recipient address rejected: User unknown in virtual mailbox table"));
    }

    @Test
    void aRefusalThatSaysUserUnknownWithoutStatusIsABadAddress() {
        assertTrue(AddressRefusals.isAddressBad(550, "No such user here"));
        assertTrue(AddressRefusals.isAddressBad(553, "sorry, user unknown"));
    }

    @Test
    void aTemporaryRefusalIsNeverABadAddress() {
        assertFalse(AddressRefusals.isAddressBad(
                450, "4.1.1 <ivan@example.org>: Recipient address rejected: User unknown"));
    }

    @Test
    void spamPolicyOrAFullMailboxIsNotABadAddress() {
        assertFalse(AddressRefusals.isAddressBad(550, "5.7.1 Message rejected as spam"));
        assertFalse(AddressRefusals.isAddressBad(552, "5.2.2 Mailbox full"));
        assertFalse(AddressRefusals.isAddressBad(554, "Transaction failed: policy"));
    }

    @Test
    void aRefusalOfTheSendersAddressIsNotTheRecipientsBadAddress() {
        assertFalse(AddressRefusals.isAddressBad(550, "5.1.8 Bad sender's system address"));
    }

    @Test
    void aServerAddressLikeNumberIsNotMistakenForAStatus() {
        assertFalse(AddressRefusals.isAddressBad(550, "rejected by 10.5.1.12, see policy"));
    }
}
