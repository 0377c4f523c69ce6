package io.herald.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundEventTest {

    @Test
    void aServerEventCarriesItsDataAsAJsonString() {
        OutboundEvent event = OutboundEvent.server("orders", "created", "{\"id\":\"4\\\"2\"}", "1.2");

        assertThat(event.dataJson()).isEqualTo("\"{\\\"id\\\":\\\"4\\\\\\\"2\\\"}\"");
    }

    @Test
    void onAnotherChannelTheEncodedDataIsSharedNotQuotedAgain() {
        OutboundEvent first = OutboundEvent.server("orders", "created", "{\"id\":42}", "1.2");

        OutboundEvent second = first.onChannel("audit");

        assertThat(second.channel()).isEqualTo("audit");
        assertThat(second.dataJson()).isSameAs(first.dataJson());
        assertThat(second).isEqualTo(new OutboundEvent("audit", "created", first.dataJson(), "1.2", null));
    }
}
