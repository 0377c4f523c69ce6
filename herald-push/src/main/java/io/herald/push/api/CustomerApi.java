package io.herald.push.api;

import io.herald.push.PushInstance;
import io.herald.push.data.DeviceStore;

/**
 * The customer API ({@code DELETE /customer_api/v1/instances/{id}/users/{userId}}, and the
 * {@code /user_api/v1/…} path the Node SDK uses): removes every device of a user. Needs the secret key.
 */
final class CustomerApi {

    private final DeviceStore devices;

    CustomerApi(DeviceStore devices) {
        this.devices = devices;
    }

    Reply deleteUser(PushInstance instance, String userId) {
        devices.deleteUser(instance.id(), Names.userId(userId));
        return Reply.EMPTY;
    }
}
