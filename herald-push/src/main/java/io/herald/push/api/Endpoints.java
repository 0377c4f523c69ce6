package io.herald.push.api;

import io.herald.push.PushOptions;
import io.herald.push.data.DeviceStore;
import io.herald.push.data.PublishStore;
import java.util.function.Function;

/** The push APIs' endpoints, working on an open store; {@link PushHttpService} routes requests to them. */
public final class Endpoints {

    final PublishApi publish;
    final DeviceApi devices;
    final CustomerApi customers;
    final ReportingApi reporting;

    /**
     * @param vapidPublicKey an instance's VAPID public key by instance id
     * @param onQueued called after a publish queued deliveries, to wake the delivery worker
     */
    public Endpoints(PushOptions options, DeviceStore devices, PublishStore publishes,
                     Function<String, String> vapidPublicKey, Runnable onQueued) {
        this.publish = new PublishApi(publishes, onQueued);
        this.devices = new DeviceApi(devices, vapidPublicKey, new UserTokens(options.tokenLeeway()),
                options.endpointHosts(), options.maxInterestsPerDevice(), options.maxDevicesPerUser(), options.maxDevices());
        this.customers = new CustomerApi(devices);
        this.reporting = new ReportingApi(publishes);
    }
}
