package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
