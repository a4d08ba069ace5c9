package io.closeloop.vectorstore.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.closeloop.vectorstore.interaction.InteractionInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads interactions from JSON bytes (webhook bodies, queue messages, JSONL lines), strictly UTF-8. */
@ApplicationScoped
public class InteractionJson {

    /** One parsed document: a single object, or an array whose items were read one by one. */
    public record Parsed(boolean batch, List<InteractionInput> items, List<List<FieldError>> itemErrors) {
    }

    private final ObjectMapper json;

    public InteractionJson(ObjectMapper json) {
        this.json = json;
    }

    /** @throws ProblemException for bytes that are not UTF-8, not JSON, or neither an object nor an array */
    public Parsed parse(byte[] bytes, String field) {
        JsonNode root = tree(Utf8.decode(bytes, field), field);
        if (root.isObject()) {
            return new Parsed(false, List.of(item(root, field)), List.of(List.of()));
        }
        if (!root.isArray()) {
            throw ProblemException.invalidField(field, "must be an interaction object or an array of them");
        }
        List<InteractionInput> items = new ArrayList<>();
        List<List<FieldError>> errors = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                items.add(item(root.get(i), "[" + i + "]"));
                errors.add(List.of());
            } catch (ProblemException e) {
                items.add(null);
                errors.add(e.errors());
            }
        }
        return new Parsed(true, items, errors);
    }

    public JsonNode tree(String text, String field) {
        try {
            JsonNode root = json.readTree(text);
            return root == null ? NullNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED, field + " is not valid JSON: " + e.getOriginalMessage().split("\n")[0],
                    List.of(new FieldError(field, "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")")));
        }
    }

    public InteractionInput item(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw ProblemException.invalidField(path, "must be an interaction object");
        }
        try {
            return json.treeToValue(node, InteractionInput.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ProblemException.invalidField(field.isEmpty() ? path : field, e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField(path, e.getOriginalMessage().split("\n")[0]);
        }
    }
}
