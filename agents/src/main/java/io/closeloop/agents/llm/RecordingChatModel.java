package io.closeloop.agents.llm;

import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Wraps a role's model for one answer: every call gets a {@code closeloop.agents.llm} span with
 * gen_ai attributes and an {@code llm_call} row (model, tokens, latency, cost, trace id, SHA-256
 * of the redacted prompt, redaction counts). Prompt and completion go on the span only when
 * {@code closeloop.agents.llm.capture-content} is on. Every call is admitted against the rep's LLM
 * token budget first and charged with the tokens the provider reported after ({@link LlmCallLog}).
 */
public final class RecordingChatModel extends RoleChatModel {

    private final CallContext context;
    private final LlmCallLog log;
    private final Tracer tracer;
    private final boolean captureContent;

    public RecordingChatModel(RoleModel model, CallContext context, LlmCallLog log, Tracer tracer, boolean captureContent) {
        super(model);
        this.context = context;
        this.log = log;
        this.tracer = tracer;
        this.captureContent = captureContent;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        log.admit(context); // 429 before anything is sent when the rep's LLM token budget is spent
        Span span = tracer.spanBuilder("closeloop.agents.llm").startSpan();
        long start = System.nanoTime();
        String prompt = ChatMessageSerializer.messagesToJson(request.messages());
        LlmCall call = new LlmCall();
        call.role = model.role().key();
        call.agent = context.agent();
        call.model = model.modelName();
        call.providerHost = model.providerHost();
        call.promptSha256 = sha256(prompt);
        call.toolsOffered = context.toolsOffered().toArray(String[]::new);
        call.redactions = context.redactions();
        call.repId = context.repId();
        call.accountId = context.accountId();
        call.traceId = span.getSpanContext().getTraceId();
        span.setAttribute("gen_ai.system", "openai");
        span.setAttribute("gen_ai.operation.name", "chat");
        span.setAttribute("gen_ai.request.model", model.modelName());
        span.setAttribute("closeloop.llm.role", call.role);
        span.setAttribute("closeloop.llm.prompt_sha256", call.promptSha256);
        if (captureContent) {
            span.setAttribute("gen_ai.prompt", prompt);
        }
        try (Scope ignored = span.makeCurrent()) {
            ChatResponse response = model.client().chat(request);
            TokenUsage usage = response.tokenUsage();
            call.outcome = "OK";
            call.tokensIn = usage == null ? null : usage.inputTokenCount();
            call.tokensOut = usage == null ? null : usage.outputTokenCount();
            call.cost = model.cost(call.tokensIn, call.tokensOut);
            if (response.modelName() != null) {
                span.setAttribute("gen_ai.response.model", response.modelName());
            }
            if (call.tokensIn != null) {
                span.setAttribute("gen_ai.usage.input_tokens", call.tokensIn);
            }
            if (call.tokensOut != null) {
                span.setAttribute("gen_ai.usage.output_tokens", call.tokensOut);
            }
            if (captureContent && response.aiMessage().text() != null) {
                span.setAttribute("gen_ai.completion", response.aiMessage().text());
            }
            return response;
        } catch (RuntimeException e) {
            call.outcome = "ERROR";
            call.error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            span.setStatus(StatusCode.ERROR, call.error);
            throw e;
        } finally {
            call.latencyMs = (int) ((System.nanoTime() - start) / 1_000_000);
            context.add(model.modelName(), call.tokensIn, call.tokensOut, call.cost == null ? BigDecimal.ZERO : call.cost, call.latencyMs);
            span.setAttribute("closeloop.llm.cost", call.cost == null ? 0 : call.cost.doubleValue());
            log.record(call);
            span.end();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
