package org.sealpost.web.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressCompletionTest {

    @Test
    void theFirstAddressIsCompletedOnItsOwn() {
        AddressCompletion c = AddressCompletion.of("  erik");

        assertThat(c.typing()).isEqualTo("erik");
        assertThat(c.complete(List.of("erika@bank.example"))).containsExactly("erika@bank.example");
    }

    @Test
    void onlyTheAddressAfterTheLastSeparatorIsCompletedAndWhatCameBeforeIsKept() {
        AddressCompletion c = AddressCompletion.of("anna@client.example;bob@bank.example,  eri");

        assertThat(c.typing()).isEqualTo("eri");
        assertThat(c.complete(List.of("erika@bank.example", "eric@corp.bank.example")))
                .containsExactly(
                        "anna@client.example;bob@bank.example, erika@bank.example",
                        "anna@client.example;bob@bank.example, eric@corp.bank.example");
    }

    @Test
    void anAddressTheFieldAlreadyNamesIsNotSuggestedAgain() {
        AddressCompletion c = AddressCompletion.of("Erika@Bank.example, er");

        assertThat(c.complete(List.of("erika@bank.example", "eric@bank.example")))
                .containsExactly("Erika@Bank.example, eric@bank.example");
    }

    @Test
    void anAddressThatOnlyContainsANamedOneIsStillSuggested() {
        assertThat(AddressCompletion.of("ka@bank.example, er").complete(List.of("erika@bank.example")))
                .containsExactly("ka@bank.example, erika@bank.example");
    }
}
