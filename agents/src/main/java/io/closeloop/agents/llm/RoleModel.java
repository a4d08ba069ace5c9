package io.closeloop.agents.llm;

import dev.langchain4j.model.chat.ChatModel;
import java.math.BigDecimal;

/** The configured model of one role: the client, the name sent, the host (for the log) and its prices. */
public record RoleModel(LlmRole role, ChatModel client, String modelName, String providerHost, BigDecimal inputPricePerMillion,
        BigDecimal outputPricePerMillion) {

    public BigDecimal cost(Integer tokensIn, Integer tokensOut) {
        BigDecimal in = inputPricePerMillion.multiply(BigDecimal.valueOf(tokensIn == null ? 0 : tokensIn));
        BigDecimal out = outputPricePerMillion.multiply(BigDecimal.valueOf(tokensOut == null ? 0 : tokensOut));
        return in.add(out).movePointLeft(6);
    }
}
