package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostbackOnlyFilterTest {

    @Test
    void anAddressWithAViewStateIsRefusedAlsoWhenEncoded() {
        assertTrue(PostbackOnlyFilter.carriesViewStateInTheAddress("id=1&jakarta.faces.ViewState=-1:2"));
        assertTrue(PostbackOnlyFilter.carriesViewStateInTheAddress("id=1&jakarta%2Efaces%2EViewState=x"));
        assertTrue(PostbackOnlyFilter.carriesViewStateInTheAddress("bad=%zz&jakarta.faces.ViewState=x"));
    }

    @Test
    void ordinaryAddressesPass() {
        assertFalse(PostbackOnlyFilter.carriesViewStateInTheAddress(null));
        assertFalse(PostbackOnlyFilter.carriesViewStateInTheAddress("id=12&token=abc"));
    }
}
