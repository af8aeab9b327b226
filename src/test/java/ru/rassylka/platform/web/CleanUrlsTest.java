package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CleanUrlsTest {

    @Test
    void folderAddressTriesThePageThenTheFolderIndex() {
        assertEquals(List.of("/mailings.xhtml", "/mailings/index.xhtml"), CleanUrls.candidates("/mailings"));
        assertEquals(List.of("/mailings.xhtml", "/mailings/index.xhtml"), CleanUrls.candidates("/mailings/"));
    }

    @Test
    void rootIsTheHomePage() {
        assertEquals(List.of("/index.xhtml"), CleanUrls.candidates("/"));
    }

    @Test
    void numberAfterAFolderIsTheIdOfItsViewPage() {
        assertEquals(List.of("/blog/view.xhtml?id=12"), CleanUrls.candidates("/blog/12"));
    }

    @Test
    void anItemAddressWithLeadingZerosHasOneSpellingWithout() {
        assertEquals(Optional.of("/blog/12"), CleanUrls.canonicalItem("/blog/0012"));
        assertEquals(Optional.of("/runs/0/"), CleanUrls.canonicalItem("/runs/000/"));
        assertEquals(Optional.empty(), CleanUrls.canonicalItem("/blog/12"));
        assertEquals(Optional.empty(), CleanUrls.canonicalItem("/blog/0"));
        assertEquals(Optional.empty(), CleanUrls.canonicalItem("/blog/"));
        assertEquals(Optional.empty(), CleanUrls.canonicalItem("/clients/edit"));
    }

    @Test
    void filesAndFacesResourcesAreNotCleanAddresses() {
        assertFalse(CleanUrls.isClean("/index.xhtml"));
        assertFalse(CleanUrls.isClean("/jakarta.faces.resource/theme.css.xhtml"));
        assertTrue(CleanUrls.isClean("/mailings/edit"));
    }

    @Test
    void actionUrlsLoseTheSuffixAndFolderIndexesKeepTheirSlash() {
        assertEquals("/mailings/edit", CleanUrls.clean("", "/mailings/edit.xhtml"));
        assertEquals("/mailings/", CleanUrls.clean("", "/mailings/index.xhtml"));
        assertEquals("/", CleanUrls.clean("", "/index.xhtml"));
        assertEquals("/app/", CleanUrls.clean("/app", "/app/index.xhtml"));
        assertEquals("/app/clients/", CleanUrls.clean("/app", "/app/clients/index.xhtml"));
        assertEquals("/robots.txt", CleanUrls.clean("", "/robots.txt"));
    }

    @Test
    void linksToAViewPageByItsIdBecomeTheFolderAndTheId() {
        assertEquals("/app/runs/12", CleanUrls.cleanItem("/app/runs/view?id=12"));
        assertEquals("/runs/12?page=2", CleanUrls.cleanItem("/runs/view?page=2&id=12"));
        assertEquals("/runs/12?a=1&b=2#top", CleanUrls.cleanItem("/runs/view?a=1&id=12&b=2#top"));
        assertEquals("/mailings/edit?id=12", CleanUrls.cleanItem("/mailings/edit?id=12"));
        assertEquals("/runs/view?id=abc", CleanUrls.cleanItem("/runs/view?id=abc"));
        assertEquals("/runs/view?userid=12", CleanUrls.cleanItem("/runs/view?userid=12"));
        assertEquals("/runs/view", CleanUrls.cleanItem("/runs/view"));
    }
}
