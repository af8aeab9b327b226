package ru.rassylka.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReturnAddressTest {

    @Test
    void aPathOfTheApplicationIsKept() {
        assertEquals("/profile/", ReturnAddress.safe("/profile/", ""));
        assertEquals("/app/mailings/edit?id=5", ReturnAddress.safe("/app/mailings/edit?id=5", "/app"));
    }

    @Test
    void anythingElseLeadsHome() {
        assertEquals("/", ReturnAddress.safe(null, ""));
        assertEquals("/", ReturnAddress.safe("https://evil.example/", ""));
        assertEquals("/", ReturnAddress.safe("//evil.example/", ""));
        assertEquals("/", ReturnAddress.safe("/\\evil.example", ""));
        assertEquals("/app/", ReturnAddress.safe("/other/page", "/app"));
        assertEquals("/", ReturnAddress.safe("/x\r\nSet-Cookie: a=b", ""));
    }

    @Test
    void theLoginPageItselfLeadsHome() {
        assertEquals("/", ReturnAddress.safe("/login", ""));
        assertEquals("/", ReturnAddress.safe("/login?refused=blocked", ""));
        assertEquals("/app/", ReturnAddress.safe("/app/login.xhtml", "/app"));
        assertEquals("/login-help", ReturnAddress.safe("/login-help", ""));
    }
}
