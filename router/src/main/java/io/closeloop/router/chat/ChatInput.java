package io.closeloop.router.chat;

/**
 * A chat message and the CRM record the rep is looking at (any of the ids may be null). Nothing
 * else is read from the request: fields such as {@code intent} or {@code route} are ignored, so a
 * client cannot choose its route.
 */
public record ChatInput(String message, Long accountId, Long contactId, Long dealId) {
}
