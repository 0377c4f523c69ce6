/**
 * The Herald server SDK: {@link io.herald.sdk.HeraldRest} (the facade), its immutable
 * {@link io.herald.sdk.HeraldRestOptions}, the request and result values ({@link io.herald.sdk.Event},
 * {@link io.herald.sdk.TriggerResult}, {@link io.herald.sdk.BatchResult}, {@link io.herald.sdk.ChannelInfo},
 * {@link io.herald.sdk.ApiResponse}) and the exceptions, all rooted at
 * {@link io.herald.protocol.HeraldException}: {@link io.herald.sdk.HeraldValidationException} (refused
 * before sending), {@link io.herald.sdk.HeraldHttpException} (a non-2xx answer; 401 is
 * {@link io.herald.sdk.HeraldAuthenticationException}) and {@link io.herald.sdk.HeraldNetworkException}
 * (no answer; {@link io.herald.sdk.HeraldTimeoutException} when it took too long).
 */
package io.herald.sdk;
